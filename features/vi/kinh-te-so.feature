# language: vi
Tính năng: Phát triển kinh tế số — kịch bản biên của bộ quy tắc dak-nong-2022
  Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022
  Nguồn: Quyết định số 231/QĐ-UBND ngày 26/01/2022 của UBND tỉnh Đắk Nông
  Lĩnh vực: Phát triển kinh tế số (kinh-te-so)
  Sinh từ quy tắc bằng `plancheck spec --scaffold`: đừng sửa tay, sinh lại khi quy tắc thay đổi.
  Mỗi chỉ tiêu được thử ngay tại ngưỡng và một bước nhỏ nhất ở phía bên kia ngưỡng, và khi thiếu
  số liệu; chỉ tiêu định tính luôn cần thanh tra viên đánh giá.

  Bối cảnh:
    Cho bộ quy tắc mặc định

  # ── KTS-01 · Phần II, mục II.2, gạch đầu dòng 1
  # «Bước đầu hình thành hệ thống doanh nghiệp số»
  # Quy tắc: định tính: thanh tra viên đánh giá và xác nhận
  Kịch bản: KTS-01 (Phần II, mục II.2, gạch đầu dòng 1): chỉ tiêu định tính: luôn CẦN ĐÁNH GIÁ, không bao giờ ĐẠT, kể cả khi đủ số liệu
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                         | giá trị |
      | TINH   | satisfaction_rate              | 100%    |
      | TINH   | child_victims_requesting       | 1       |
      | TINH   | child_victims_supported        | 1       |
      | TINH   | enterprises_total              | 1       |
      | TINH   | smes_total                     | 1       |
      | TINH   | smes_digital_platforms         | 1       |
      | TINH   | invoices_total                 | 1       |
      | TINH   | invoices_electronic            | 1       |
      | TINH   | enterprises_e_contracts        | 1       |
      | TINH   | retail_revenue                 | 1       |
      | TINH   | ecommerce_revenue              | 1       |
      | TINH   | population                     | 1       |
      | TINH   | adult_population               | 1       |
      | TINH   | adults_digital_skills          | 1       |
      | TINH   | adults_payment_account         | 1       |
      | TINH   | adults_digital_signature       | 1       |
      | TINH   | internet_users                 | 1       |
      | TINH   | internet_users_protected       | 1       |
      | TINH   | internet_users_security_app    | 1       |
      | TINH   | smartphone_users               | 1       |
      | TINH   | households_total               | 1       |
      | TINH   | households_fibre               | 1       |
      | TINH   | mobile_broadband_subscriptions | 1       |
      | TINH   | digital_id_app_users           | 1       |
      | TINH   | health_records_electronic      | 1       |
      | TINH   | pc_covid_users                 | 1       |
      | TINH   | provincial_budget_spending     | 1       |
      | TINH   | it_spending_local_budget       | 1       |
      | TINH   | news_items_dts_portal          | 1       |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-01" có kết quả "CẦN ĐÁNH GIÁ"

  # ── KTS-02 · Phần II, mục II.2, gạch đầu dòng 2
  # «10% doanh nghiệp vừa và nhỏ được trải nghiệm trên các nền tảng số»
  # Quy tắc: smes_digital_platforms / smes_total >= 10%; cấp province; gộp pooled
  Khung kịch bản: KTS-02 (Phần II, mục II.2, gạch đầu dòng 2): tại ngưỡng >= 10% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                 | giá trị                  |
      | TINH   | smes_total             | 1.000                    |
      | TINH   | smes_digital_platforms | <smes_digital_platforms> |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-02" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                 | smes_digital_platforms | kết quả   |
      | tại ngưỡng: 10%            | 100                    | ĐẠT       |
      | một bước dưới ngưỡng: 9,9% | 99                     | KHÔNG ĐẠT |

  Kịch bản: KTS-02 (Phần II, mục II.2, gạch đầu dòng 2): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                 | giá trị |
      | TINH   | smes_total             | 1.000   |
      | TINH   | smes_digital_platforms | 99      |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-02" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "KTS-02" là "1"

  Kịch bản: KTS-02 (Phần II, mục II.2, gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "smes_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-02" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "KTS-02"

  # ── KTS-03 · Phần II, mục II.2, gạch đầu dòng 3
  # «Tối thiểu 80% hóa đơn điện tử»
  # Quy tắc: invoices_electronic / invoices_total >= 80%; cấp province; gộp pooled
  Khung kịch bản: KTS-03 (Phần II, mục II.2, gạch đầu dòng 3): tại ngưỡng >= 80% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số              | giá trị               |
      | TINH   | invoices_total      | 1.000                 |
      | TINH   | invoices_electronic | <invoices_electronic> |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-03" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | invoices_electronic | kết quả   |
      | tại ngưỡng: 80%             | 800                 | ĐẠT       |
      | một bước dưới ngưỡng: 79,9% | 799                 | KHÔNG ĐẠT |

  Kịch bản: KTS-03 (Phần II, mục II.2, gạch đầu dòng 3): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số              | giá trị |
      | TINH   | invoices_total      | 1.000   |
      | TINH   | invoices_electronic | 799     |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-03" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "KTS-03" là "1"

  Kịch bản: KTS-03 (Phần II, mục II.2, gạch đầu dòng 3): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "invoices_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-03" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "KTS-03"

  # ── KTS-04 · Phần II, mục II.2, gạch đầu dòng 4
  # «20% doanh nghiệp sử dụng hợp đồng điện tử»
  # Quy tắc: enterprises_e_contracts / enterprises_total >= 20%; cấp province; gộp pooled
  Khung kịch bản: KTS-04 (Phần II, mục II.2, gạch đầu dòng 4): tại ngưỡng >= 20% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                  | giá trị                   |
      | TINH   | enterprises_total       | 1.000                     |
      | TINH   | enterprises_e_contracts | <enterprises_e_contracts> |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-04" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | enterprises_e_contracts | kết quả   |
      | tại ngưỡng: 20%             | 200                     | ĐẠT       |
      | một bước dưới ngưỡng: 19,9% | 199                     | KHÔNG ĐẠT |

  Kịch bản: KTS-04 (Phần II, mục II.2, gạch đầu dòng 4): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                  | giá trị |
      | TINH   | enterprises_total       | 1.000   |
      | TINH   | enterprises_e_contracts | 199     |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-04" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "KTS-04" là "1"

  Kịch bản: KTS-04 (Phần II, mục II.2, gạch đầu dòng 4): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "enterprises_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-04" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "KTS-04"

  # ── KTS-05 · Phần II, mục II.2, gạch đầu dòng 5
  # «Tỷ trọng doanh thu từ thương mại điện tử đạt 5%»
  # Quy tắc: ecommerce_revenue / retail_revenue >= 5%; cấp province; gộp pooled
  Khung kịch bản: KTS-05 (Phần II, mục II.2, gạch đầu dòng 5): tại ngưỡng >= 5% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số            | giá trị             |
      | TINH   | retail_revenue    | 1.000.000.000.000   |
      | TINH   | ecommerce_revenue | <ecommerce_revenue> |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-05" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                          | ecommerce_revenue | kết quả   |
      | tại ngưỡng: 5%                      | 50.000.000.000    | ĐẠT       |
      | một bước dưới ngưỡng: 4,9999999999% | 49.999.999.999    | KHÔNG ĐẠT |

  Kịch bản: KTS-05 (Phần II, mục II.2, gạch đầu dòng 5): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số            | giá trị           |
      | TINH   | retail_revenue    | 1.000.000.000.000 |
      | TINH   | ecommerce_revenue | 49.999.999.999    |
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-05" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "KTS-05" là "1"

  Kịch bản: KTS-05 (Phần II, mục II.2, gạch đầu dòng 5): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "retail_revenue" là "1.000.000.000.000"
    Khi chạy kiểm tra
    Thì mục tiêu "KTS-05" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "KTS-05"
