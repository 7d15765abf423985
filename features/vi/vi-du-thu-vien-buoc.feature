# language: vi
Tính năng: Ví dụ dùng thư viện bước: cấp, giá trị, khoảng cách, số liệu bị từ chối, dòng lệnh
  Mỗi kịch bản dưới đây dùng một nhóm bước của thư viện (xem docs/specs.md). Giá trị được so đến
  đúng độ chính xác viết trong bước: "66,7%" là giá trị chính xác làm tròn đến một chữ số thập phân.

  Kịch bản: Một sổ đơn vị nhỏ, mỗi cấp một đơn vị: ngưỡng riêng cho từng cấp (CQS-04)
    Cho các đơn vị:
      | id   | tên          | cấp       | thuộc |
      | TINH | Tỉnh Thử     | toàn tỉnh |       |
      | SO-A | Sở A         | sở        |       |
      | H-A  | UBND huyện A | huyện     |       |
      | X-A  | UBND xã A    | xã        | H-A   |
    Và các đơn vị báo cáo:
      | đơn vị | chỉ số              | giá trị |
      | SO-A   | work_records_total  | 1.000   |
      | SO-A   | work_records_online | 750     |
      | SO-A   | work_records_secret | 0       |
      | H-A    | work_records_total  | 1.000   |
      | H-A    | work_records_online | 649     |
      | H-A    | work_records_secret | 0       |
      | X-A    | work_records_total  | 200     |
      | X-A    | work_records_online | 90      |
      | X-A    | work_records_secret | 0       |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-04" ở cấp "sở" có kết quả "ĐẠT"
    Và giá trị của mục tiêu "CQS-04" ở cấp "tỉnh" là "75%"
    Và mục tiêu "CQS-04" ở cấp "huyện" có kết quả "KHÔNG ĐẠT"
    Và giá trị của mục tiêu "CQS-04" ở cấp "huyện" là "64,9%"
    Và khoảng cách của mục tiêu "CQS-04" ở cấp "huyện" là "1"
    Và mục tiêu "CQS-04" ở cấp "xã" có kết quả "ĐẠT"
    Và mục tiêu "CQS-04" có kết quả "KHÔNG ĐẠT"
    Và đơn vị "UBND xã A" có số liệu cho mục tiêu "CQS-04"

  Kịch bản: Giá trị và khoảng cách của một đơn vị, so đến độ chính xác đã viết
    Cho bộ quy tắc "rules/packs/dak-nong-2022.yaml"
    Và sổ đơn vị "facts/registry/dak-nong.yaml"
    Và đơn vị "Sở Thông tin và Truyền thông" cấp "sở" báo cáo "info_systems_total" là "3"
    Và đơn vị "SO-TTTT" cấp "tỉnh" báo cáo "info_systems_classified" là "2"
    Khi chạy kiểm tra kỳ "2022"
    Thì mục tiêu "ATTT-03" của đơn vị "SO-TTTT" có kết quả "KHÔNG ĐẠT"
    Và giá trị của mục tiêu "ATTT-03" của đơn vị "SO-TTTT" là "66,7%"
    Và giá trị của mục tiêu "ATTT-03" của đơn vị "SO-TTTT" là "67%"
    Và giá trị của mục tiêu "ATTT-03" của đơn vị "SO-TTTT" là "66,67%"
    Và khoảng cách của mục tiêu "ATTT-03" của đơn vị "SO-TTTT" là "1"

  Kịch bản: Một huyện không báo cáo thì thiếu số liệu, không có giá trị
    Cho bộ quy tắc mặc định
    Và đơn vị "SO-TTTT" báo cáo "info_systems_total" là "10"
    Và đơn vị "SO-TTTT" báo cáo "info_systems_classified" là "7"
    Và đơn vị "UBND huyện Cư Jút" không báo cáo
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" có kết quả "THIẾU SỐ LIỆU"
    Và giá trị của mục tiêu "ATTT-03" là "—"
    Và đơn vị "H-CU-JUT" thiếu số liệu cho mục tiêu "ATTT-03"
    Và đơn vị "SO-TTTT" có số liệu cho mục tiêu "ATTT-03"

  Kịch bản: Chỉ tiêu không áp dụng cho cấp xã
    Cho đơn vị "UBND xã Cư Knia" cấp "xã" báo cáo "news_items_dts" là "52"
    Khi chạy kiểm tra cho đơn vị "X-CU-JUT-CU-KNIA"
    Thì mục tiêu "ATTT-03" của đơn vị "X-CU-JUT-CU-KNIA" có kết quả "KHÔNG ÁP DỤNG"
    Và mục tiêu "TT-01" của đơn vị "X-CU-JUT-CU-KNIA" có kết quả "ĐẠT"

  Kịch bản: Tần suất tin bài mỗi tuần (TT-02): 48 tin trong 52 tuần là chưa đạt
    Cho đơn vị "TINH" báo cáo "news_items_dts_portal" là "48"
    Khi chạy kiểm tra
    Thì mục tiêu "TT-02" có kết quả "KHÔNG ĐẠT"
    Và giá trị của mục tiêu "TT-02" là "0,9/tuần"
    Và khoảng cách của mục tiêu "TT-02" là "4"

  Kịch bản: Số liệu sai bị từ chối, có tên trường và mã lỗi
    Cho các đơn vị báo cáo:
      | đơn vị   | chỉ số                  | giá trị |
      | SO-TTTT  | info_systems_totl       | 10      |
      | SO-TTTT  | info_systems_classified | 7,5     |
      | SO-TTTX  | info_systems_total      | 10      |
      | H-CU-JUT | info_systems_total      | 10      |
    Khi nộp số liệu
    Thì số liệu của đơn vị "SO-TTTT" bị từ chối với lỗi ở trường "info_systems_totl"
    Và số liệu của đơn vị "Sở Thông tin và Truyền thông" bị từ chối với lỗi "F007" ở trường "info_systems_classified"
    Và số liệu của đơn vị "SO-TTTX" bị từ chối với lỗi "F001" ở trường "đơn vị"
    Và mục tiêu "ATTT-03" của đơn vị "SO-TTTT" có kết quả "THIẾU SỐ LIỆU"

  Kịch bản: Số liệu đúng thì không bị từ chối
    Cho đơn vị "SO-TTTT" báo cáo "info_systems_total" là "1.166"
    Khi nộp số liệu
    Thì không có số liệu nào bị từ chối

  Kịch bản: Dòng lệnh: kiểm tra thất bại khi có mục tiêu không đạt
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                     | giá trị           |
      | TINH   | provincial_budget_spending | 7.000.000.000.000 |
      | TINH   | it_spending_local_budget   | 69.999.999.999    |
    Khi chạy lệnh "plancheck audit --fail-on not_met"
    Thì mã thoát là 1
    Và kết quả in ra có "KP-01"
    Khi chạy lệnh "plancheck explain KP-01"
    Thì mã thoát là 0
    Và kết quả in ra có "cần thêm 1 đồng"

  Kịch bản: Dòng lệnh: tệp số liệu có lỗi thì mã thoát là 2
    Cho đơn vị "SO-TTTT" báo cáo "info_systems_totl" là "10"
    Khi chạy lệnh "plancheck validate"
    Thì mã thoát là 2
    Và kết quả in ra có "F002"
    Và kết quả in ra có "did you mean `info_systems_total`?"
    Và kết quả in ra không có "Traceback"
