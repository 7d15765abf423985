# language: vi
Tính năng: Kinh phí thực hiện — kịch bản biên của bộ quy tắc dak-nong-2022
  Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022
  Nguồn: Quyết định số 231/QĐ-UBND ngày 26/01/2022 của UBND tỉnh Đắk Nông
  Lĩnh vực: Kinh phí thực hiện (kinh-phi)
  Sinh từ quy tắc bằng `plancheck spec --scaffold`: đừng sửa tay, sinh lại khi quy tắc thay đổi.
  Mỗi chỉ tiêu được thử ngay tại ngưỡng và một bước nhỏ nhất ở phía bên kia ngưỡng, và khi thiếu
  số liệu; chỉ tiêu định tính luôn cần thanh tra viên đánh giá.

  Bối cảnh:
    Cho bộ quy tắc mặc định

  # ── KP-01 · Phần II, mục V.2
  # «phân bổ dự toán về chi ứng dụng công nghệ thông tin theo kế hoạch trong dự toán hàng năm của tỉnh đảm bảo tối thiểu 1% chi ngân sách tỉnh»
  # Quy tắc: it_spending_local_budget / provincial_budget_spending >= 1%; cấp province; gộp pooled
  Khung kịch bản: KP-01 (Phần II, mục V.2): tại ngưỡng >= 1% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                     | giá trị                    |
      | TINH   | provincial_budget_spending | 1.000.000.000.000          |
      | TINH   | it_spending_local_budget   | <it_spending_local_budget> |
    Khi chạy kiểm tra
    Thì mục tiêu "KP-01" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                          | it_spending_local_budget | kết quả   |
      | tại ngưỡng: 1%                      | 10.000.000.000           | ĐẠT       |
      | một bước dưới ngưỡng: 0,9999999999% | 9.999.999.999            | KHÔNG ĐẠT |

  Kịch bản: KP-01 (Phần II, mục V.2): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                     | giá trị           |
      | TINH   | provincial_budget_spending | 1.000.000.000.000 |
      | TINH   | it_spending_local_budget   | 9.999.999.999     |
    Khi chạy kiểm tra
    Thì mục tiêu "KP-01" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "KP-01" là "1"

  Kịch bản: KP-01 (Phần II, mục V.2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "provincial_budget_spending" là "1.000.000.000.000"
    Khi chạy kiểm tra
    Thì mục tiêu "KP-01" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "KP-01"
