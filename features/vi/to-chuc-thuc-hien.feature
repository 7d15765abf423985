# language: vi
Tính năng: Tổ chức thực hiện (thông tin, tuyên truyền về Chuyển đổi số) — kịch bản biên của bộ quy tắc dak-nong-2022
  Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022
  Nguồn: Quyết định số 231/QĐ-UBND ngày 26/01/2022 của UBND tỉnh Đắk Nông
  Lĩnh vực: Tổ chức thực hiện (thông tin, tuyên truyền về Chuyển đổi số) (to-chuc-thuc-hien)
  Sinh từ quy tắc bằng `plancheck spec --scaffold`: đừng sửa tay, sinh lại khi quy tắc thay đổi.
  Mỗi chỉ tiêu được thử ngay tại ngưỡng và một bước nhỏ nhất ở phía bên kia ngưỡng, và khi thiếu
  số liệu; chỉ tiêu định tính luôn cần thanh tra viên đánh giá.

  Bối cảnh:
    Cho bộ quy tắc mặc định

  # ── TT-01 · Phần II, mục VI.4, gạch đầu dòng 4
  # «Ủy ban nhân dân các huyện, thành phố chỉ đạo Trung tâm Văn hóa Thể thao và Truyền thông các huyện, thành phố, UBND các xã, phường, thị trấn tăng cường thông tin, tuyên truyền về Chuyển đổi số, tập trung vào nội dung phát triển Xã hội số, ít nhất mỗi tuần có một (01) tin, bài»
  # Quy tắc: news_items_dts / tuần >= 1; cấp district, commune; gộp every_unit
  Khung kịch bản: TT-01 (Phần II, mục VI.4, gạch đầu dòng 4): tại ngưỡng >= 1 và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho đơn vị "H-GIA-NGHIA" báo cáo "news_items_dts" là "<news_items_dts>"
    Khi chạy kiểm tra
    Thì mục tiêu "TT-01" của đơn vị "H-GIA-NGHIA" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                        | news_items_dts | kết quả   |
      | tại ngưỡng: 1/tuần                | 52             | ĐẠT       |
      | một bước dưới ngưỡng: ≈ 0,98/tuần | 51             | KHÔNG ĐẠT |

  Kịch bản: TT-01 (Phần II, mục VI.4, gạch đầu dòng 4): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Khi chạy kiểm tra
    Thì mục tiêu "TT-01" của đơn vị "H-GIA-NGHIA" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "TT-01" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "H-GIA-NGHIA" thiếu số liệu cho mục tiêu "TT-01"

  # ── TT-02 · Phần II, mục VI.5, gạch đầu dòng 2
  # «Ít nhất mỗi tuần có một (01) tin, bài trong Chuyên mục nêu trên»
  # Quy tắc: news_items_dts_portal / tuần >= 1; cấp province; gộp every_unit
  Khung kịch bản: TT-02 (Phần II, mục VI.5, gạch đầu dòng 2): tại ngưỡng >= 1 và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho đơn vị "TINH" báo cáo "news_items_dts_portal" là "<news_items_dts_portal>"
    Khi chạy kiểm tra
    Thì mục tiêu "TT-02" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                        | news_items_dts_portal | kết quả   |
      | tại ngưỡng: 1/tuần                | 52                    | ĐẠT       |
      | một bước dưới ngưỡng: ≈ 0,98/tuần | 51                    | KHÔNG ĐẠT |

  Kịch bản: TT-02 (Phần II, mục VI.5, gạch đầu dòng 2): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho đơn vị "TINH" báo cáo "news_items_dts_portal" là "51"
    Khi chạy kiểm tra
    Thì mục tiêu "TT-02" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "TT-02" là "1"

  Kịch bản: TT-02 (Phần II, mục VI.5, gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Khi chạy kiểm tra
    Thì mục tiêu "TT-02" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "TT-02"
