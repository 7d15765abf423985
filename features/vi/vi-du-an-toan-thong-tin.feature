# language: vi
Tính năng: ATTT-03 — Tối thiểu 70% hệ thống thông tin được xác định cấp độ
  Kế hoạch 231/QĐ-UBND, Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 3:
  "Tối thiểu 70% hệ thống thông tin được xác định cấp độ và triển khai phương án bảo đảm an toàn
  thông tin theo cấp độ". "Tối thiểu" nghĩa là lớn hơn hoặc bằng: đúng 70% là đạt.

  Bối cảnh:
    Cho bộ quy tắc mặc định

  Kịch bản: Đúng 70% là đạt
    Cho đơn vị "SO-TTTT" báo cáo "info_systems_total" là "10"
    Và đơn vị "SO-TTTT" báo cáo "info_systems_classified" là "7"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" của đơn vị "SO-TTTT" có kết quả "ĐẠT"

  Kịch bản: 69,99% là không đạt, không làm tròn thành 70%
    Cho đơn vị "Sở Thông tin và Truyền thông" báo cáo "info_systems_total" là "10.000"
    Và đơn vị "Sở Thông tin và Truyền thông" báo cáo "info_systems_classified" là "6.999"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" của đơn vị "SO-TTTT" có kết quả "KHÔNG ĐẠT"

  Kịch bản: Đơn vị không báo cáo thì thiếu số liệu, không bao giờ coi là 0 hay là đạt
    Cho đơn vị "SO-TTTT" báo cáo "info_systems_total" là "10"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" của đơn vị "SO-TTTT" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "ATTT-03" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "SO-TTTT" thiếu số liệu cho mục tiêu "ATTT-03"

  Kịch bản: Số hệ thống đã xác định cấp độ lớn hơn tổng số là số liệu mâu thuẫn
    Cho đơn vị "SO-TTTT" báo cáo "info_systems_total" là "10"
    Và đơn vị "SO-TTTT" báo cáo "info_systems_classified" là "12"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" của đơn vị "SO-TTTT" có kết quả "SỐ LIỆU MÂU THUẪN"

  Khung kịch bản: Chi ngân sách cho CNTT tối thiểu 1% chi ngân sách tỉnh (KP-01)
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                     | giá trị           |
      | TINH   | provincial_budget_spending | 7.000.000.000.000 |
      | TINH   | it_spending_local_budget   | <chi CNTT>        |
    Khi chạy kiểm tra
    Thì mục tiêu "KP-01" có kết quả "<kết quả>"

    Dữ liệu:
      | chi CNTT       | kết quả   |
      | 70.000.000.000 | ĐẠT       |
      | 69.999.999.999 | KHÔNG ĐẠT |
