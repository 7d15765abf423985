# language: vi
Tính năng: Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp — kịch bản biên của bộ quy tắc dak-nong-2022
  Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022
  Nguồn: Quyết định số 231/QĐ-UBND ngày 26/01/2022 của UBND tỉnh Đắk Nông
  Lĩnh vực: Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp (dich-vu-so)
  Sinh từ quy tắc bằng `plancheck spec --scaffold`: đừng sửa tay, sinh lại khi quy tắc thay đổi.
  Mỗi chỉ tiêu được thử ngay tại ngưỡng và một bước nhỏ nhất ở phía bên kia ngưỡng, và khi thiếu
  số liệu; chỉ tiêu định tính luôn cần thanh tra viên đánh giá.

  Bối cảnh:
    Cho bộ quy tắc mặc định

  # ── DVC-01 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 1
  # «100% Cổng/Trang Thông tin điện tử của các cơ quan hành chính Nhà nước cung cấp thông tin thường xuyên, đầy đủ, kịp thời, tuân thủ theo quy định»
  # Quy tắc: websites_compliant / websites_total >= 100%; cấp department, district, commune; gộp pooled
  Khung kịch bản: DVC-01 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 1): tại ngưỡng >= 100% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số             | giá trị              |
      | VP-UBND | websites_total     | 1.000                |
      | VP-UBND | websites_compliant | <websites_compliant> |
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-01" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | websites_compliant | kết quả   |
      | tại ngưỡng: 100%            | 1.000              | ĐẠT       |
      | một bước dưới ngưỡng: 99,9% | 999                | KHÔNG ĐẠT |

  Kịch bản: DVC-01 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 1): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "websites_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-01" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "DVC-01" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "DVC-01"

  # ── DVC-02 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2
  # «100% thủ tục hành chính đủ điều kiện được triển khai cung cấp dịch vụ công trực tuyến mức độ 4»
  # Quy tắc: online_services_level4 / procedures_eligible_level4 >= 100%; cấp department; gộp pooled
  Khung kịch bản: DVC-02 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): tại ngưỡng >= 100% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                     | giá trị                  |
      | VP-UBND | procedures_eligible_level4 | 1.000                    |
      | VP-UBND | online_services_level4     | <online_services_level4> |
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-02" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | online_services_level4 | kết quả   |
      | tại ngưỡng: 100%            | 1.000                  | ĐẠT       |
      | một bước dưới ngưỡng: 99,9% | 999                    | KHÔNG ĐẠT |

  Kịch bản: DVC-02 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "procedures_eligible_level4" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-02" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "DVC-02" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "DVC-02"

  # ── DVC-03 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2
  # «trong đó tích hợp trên 60% lên Cổng Dịch vụ công Quốc gia»
  # Quy tắc: online_services_level4_national / online_services_level4 > 60%; cấp department; gộp pooled
  Khung kịch bản: DVC-03 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): tại ngưỡng > 60% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                          | giá trị                           |
      | VP-UBND | online_services_level4          | 1.000                             |
      | VP-UBND | online_services_level4_national | <online_services_level4_national> |
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-03" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | online_services_level4_national | kết quả   |
      | tại ngưỡng: 60%             | 600                             | KHÔNG ĐẠT |
      | một bước trên ngưỡng: 60,1% | 601                             | ĐẠT       |

  Kịch bản: DVC-03 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "online_services_level4" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-03" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "DVC-03" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "DVC-03"

  # ── DVC-04 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2
  # «50% dịch vụ công trực tuyến mức độ 3, 4 có phát sinh hồ sơ trực tuyến»
  # Quy tắc: online_services_level34_used / online_services_level34 >= 50%; cấp department; gộp pooled
  Khung kịch bản: DVC-04 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): tại ngưỡng >= 50% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                       | giá trị                        |
      | VP-UBND | online_services_level34      | 1.000                          |
      | VP-UBND | online_services_level34_used | <online_services_level34_used> |
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-04" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | online_services_level34_used | kết quả   |
      | tại ngưỡng: 50%             | 500                          | ĐẠT       |
      | một bước dưới ngưỡng: 49,9% | 499                          | KHÔNG ĐẠT |

  Kịch bản: DVC-04 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "online_services_level34" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-04" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "DVC-04" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "DVC-04"

  # ── DVC-05 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2
  # «30% hồ sơ được xử lý trực tuyến»
  # Quy tắc: applications_online / applications_total >= 30%; cấp department, district, commune; gộp pooled
  Khung kịch bản: DVC-05 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): tại ngưỡng >= 30% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số              | giá trị               |
      | VP-UBND | applications_total  | 1.000                 |
      | VP-UBND | applications_online | <applications_online> |
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-05" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | applications_online | kết quả   |
      | tại ngưỡng: 30%             | 300                 | ĐẠT       |
      | một bước dưới ngưỡng: 29,9% | 299                 | KHÔNG ĐẠT |

  Kịch bản: DVC-05 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "applications_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-05" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "DVC-05" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "DVC-05"

  # ── DVC-06 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2
  # «90% người dân, doanh nghiệp hài lòng với dịch vụ của cơ quan nhà nước»
  # Quy tắc: satisfaction_rate >= 90%; cấp province; gộp mean
  Khung kịch bản: DVC-06 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): tại ngưỡng >= 90% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho đơn vị "TINH" báo cáo "satisfaction_rate" là "<satisfaction_rate>"
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-06" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | satisfaction_rate | kết quả   |
      | tại ngưỡng: 90%             | 90%               | ĐẠT       |
      | một bước dưới ngưỡng: 89,9% | 89,9%             | KHÔNG ĐẠT |

  Kịch bản: DVC-06 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho đơn vị "TINH" báo cáo "satisfaction_rate" là "89,9%"
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-06" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "DVC-06" là "0,1"

  Kịch bản: DVC-06 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-06" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "DVC-06"

  # ── DVC-07 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2
  # «tiếp tục nâng cao tỷ lệ thanh toán trực tuyến không dùng tiền mặt trên Cổng dịch vụ công tỉnh và Quốc gia»
  # Quy tắc: applications_paid_online / applications_with_fees > kỳ 2021; cấp department, district, commune; gộp pooled
  Khung kịch bản: DVC-07 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): tăng so với kỳ 2021: bằng kỳ gốc thì không đạt, hơn một bước thì đạt
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                   | giá trị                    | kỳ   |
      | VP-UBND | applications_with_fees   | 1.000                      | 2021 |
      | VP-UBND | applications_paid_online | 500                        | 2021 |
      | VP-UBND | applications_with_fees   | 1.000                      | 2022 |
      | VP-UBND | applications_paid_online | <applications_paid_online> | 2022 |
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-07" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | applications_paid_online | kết quả   |
      | bằng kỳ 2021: 50%           | 500                      | KHÔNG ĐẠT |
      | hơn kỳ 2021 một bước: 50,1% | 501                      | ĐẠT       |

  Kịch bản: DVC-07 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): không có số liệu kỳ 2021 thì thiếu số liệu, không bao giờ đạt
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                   | giá trị |
      | VP-UBND | applications_with_fees   | 1.000   |
      | VP-UBND | applications_paid_online | 501     |
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-07" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"

  Kịch bản: DVC-07 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "applications_with_fees" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "DVC-07" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "DVC-07" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "DVC-07"

  # ── DVC-08 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 3
  # «Tiếp tục tích hợp cơ sở dữ liệu quốc gia phục vụ phát triển chính phủ điện tử và cơ sở dữ liệu chuyên ngành của tỉnh trên nền tảng tích hợp (LGSP) của tỉnh»
  # Quy tắc: định tính: thanh tra viên đánh giá và xác nhận
  Kịch bản: DVC-08 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 3): chỉ tiêu định tính: luôn CẦN ĐÁNH GIÁ, không bao giờ ĐẠT, kể cả khi đủ số liệu
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
    Thì mục tiêu "DVC-08" có kết quả "CẦN ĐÁNH GIÁ"
