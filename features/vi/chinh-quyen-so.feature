# language: vi
Tính năng: Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước — kịch bản biên của bộ quy tắc dak-nong-2022
  Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022
  Nguồn: Quyết định số 231/QĐ-UBND ngày 26/01/2022 của UBND tỉnh Đắk Nông
  Lĩnh vực: Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước (chinh-quyen-so)
  Sinh từ quy tắc bằng `plancheck spec --scaffold`: đừng sửa tay, sinh lại khi quy tắc thay đổi.
  Mỗi chỉ tiêu được thử ngay tại ngưỡng và một bước nhỏ nhất ở phía bên kia ngưỡng, và khi thiếu
  số liệu; chỉ tiêu định tính luôn cần thanh tra viên đánh giá.

  Bối cảnh:
    Cho bộ quy tắc mặc định

  # ── CQS-01 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1
  # «Hệ thống quản lý văn bản và điều hành được triển khai thông suốt 4 cấp chính quyền cho 100% các Sở, Ban, ngành, UBND các cấp»
  # Quy tắc: doc_system_deployed = có >= 100%; cấp department, district, commune; gộp share_of_units
  Khung kịch bản: CQS-01 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): điều kiện của từng đơn vị (có) và một bước bên kia
    Cho đơn vị "VP-UBND" báo cáo "doc_system_deployed" là "<doc_system_deployed>"
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-01" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp    | doc_system_deployed | kết quả   |
      | báo cáo có    | có                  | ĐẠT       |
      | báo cáo không | không               | KHÔNG ĐẠT |

  Kịch bản: CQS-01 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-01" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "CQS-01" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "CQS-01"

  # ── CQS-02 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1
  # «92% văn bản điện tử giữa các cơ quan nhà nước 4 cấp được trao đổi qua mạng (trừ văn bản thuộc bí mật nhà nước)»
  # Quy tắc: documents_sent_online / (documents_sent_total − documents_sent_secret) >= 92%; cấp department, district, commune; gộp pooled
  Khung kịch bản: CQS-02 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): tại ngưỡng >= 92% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                | giá trị                 |
      | VP-UBND | documents_sent_total  | 1.100                   |
      | VP-UBND | documents_sent_secret | 100                     |
      | VP-UBND | documents_sent_online | <documents_sent_online> |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-02" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | documents_sent_online | kết quả   |
      | tại ngưỡng: 92%             | 920                   | ĐẠT       |
      | một bước dưới ngưỡng: 91,9% | 919                   | KHÔNG ĐẠT |

  Kịch bản: CQS-02 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                | giá trị |
      | VP-UBND | documents_sent_total  | 1.100   |
      | VP-UBND | documents_sent_secret | 100     |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-02" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "CQS-02" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "CQS-02"

  # ── CQS-03 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1
  # «tăng tỷ lệ trao đổi văn bản điện tử ở cấp xã»
  # Quy tắc: documents_sent_online / (documents_sent_total − documents_sent_secret) > kỳ 2021; cấp commune; gộp pooled
  Khung kịch bản: CQS-03 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): tăng so với kỳ 2021: bằng kỳ gốc thì không đạt, hơn một bước thì đạt
    Cho các đơn vị báo cáo:
      | đơn vị                | chỉ số                | giá trị                 | kỳ   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_total  | 1.000                   | 2021 |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_secret | 0                       | 2021 |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_online | 500                     | 2021 |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_total  | 1.100                   | 2022 |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_secret | 100                     | 2022 |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_online | <documents_sent_online> | 2022 |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-03" của đơn vị "X-GIA-NGHIA-NGHIA-DUC" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | documents_sent_online | kết quả   |
      | bằng kỳ 2021: 50%           | 500                   | KHÔNG ĐẠT |
      | hơn kỳ 2021 một bước: 50,1% | 501                   | ĐẠT       |

  Kịch bản: CQS-03 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): không có số liệu kỳ 2021 thì thiếu số liệu, không bao giờ đạt
    Cho các đơn vị báo cáo:
      | đơn vị                | chỉ số                | giá trị |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_total  | 1.100   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_secret | 100     |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_online | 501     |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-03" của đơn vị "X-GIA-NGHIA-NGHIA-DUC" có kết quả "THIẾU SỐ LIỆU"

  Kịch bản: CQS-03 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho các đơn vị báo cáo:
      | đơn vị                | chỉ số                | giá trị |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_total  | 1.100   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_secret | 100     |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-03" của đơn vị "X-GIA-NGHIA-NGHIA-DUC" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "CQS-03" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "X-GIA-NGHIA-NGHIA-DUC" thiếu số liệu cho mục tiêu "CQS-03"

  # ── CQS-04 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 2
  # «75% hồ sơ công việc tại cấp tỉnh; 65% hồ sơ công việc tại cấp huyện và 45% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc bí mật nhà nước)»
  # Quy tắc: work_records_online / (work_records_total − work_records_secret) department >= 75%, district >= 65%, commune >= 45%; cấp department, district, commune; gộp pooled
  Khung kịch bản: CQS-04 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 2): mỗi cấp, tại ngưỡng của cấp và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị   | chỉ số              | giá trị               |
      | <đơn vị> | work_records_total  | 1.100                 |
      | <đơn vị> | work_records_secret | 100                   |
      | <đơn vị> | work_records_online | <work_records_online> |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-04" của đơn vị "<đơn vị>" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                                  | đơn vị                | work_records_online | kết quả   |
      | cấp department, tại ngưỡng: 75%             | VP-UBND               | 750                 | ĐẠT       |
      | cấp department, một bước dưới ngưỡng: 74,9% | VP-UBND               | 749                 | KHÔNG ĐẠT |
      | cấp district, tại ngưỡng: 65%               | H-GIA-NGHIA           | 650                 | ĐẠT       |
      | cấp district, một bước dưới ngưỡng: 64,9%   | H-GIA-NGHIA           | 649                 | KHÔNG ĐẠT |
      | cấp commune, tại ngưỡng: 45%                | X-GIA-NGHIA-NGHIA-DUC | 450                 | ĐẠT       |
      | cấp commune, một bước dưới ngưỡng: 44,9%    | X-GIA-NGHIA-NGHIA-DUC | 449                 | KHÔNG ĐẠT |

  Khung kịch bản: CQS-04 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 2): cấp district, 8 đơn vị báo cáo, tại ngưỡng >= 65% và một bước bên kia
    Cho các đơn vị báo cáo:
      | đơn vị      | chỉ số              | giá trị               |
      | H-GIA-NGHIA | work_records_total  | 1.100                 |
      | H-GIA-NGHIA | work_records_secret | 100                   |
      | H-GIA-NGHIA | work_records_online | 650                   |
      | H-CU-JUT    | work_records_total  | 1.100                 |
      | H-CU-JUT    | work_records_secret | 100                   |
      | H-CU-JUT    | work_records_online | 650                   |
      | H-DAK-GLONG | work_records_total  | 1.100                 |
      | H-DAK-GLONG | work_records_secret | 100                   |
      | H-DAK-GLONG | work_records_online | 650                   |
      | H-DAK-MIL   | work_records_total  | 1.100                 |
      | H-DAK-MIL   | work_records_secret | 100                   |
      | H-DAK-MIL   | work_records_online | 650                   |
      | H-DAK-RLAP  | work_records_total  | 1.100                 |
      | H-DAK-RLAP  | work_records_secret | 100                   |
      | H-DAK-RLAP  | work_records_online | 650                   |
      | H-DAK-SONG  | work_records_total  | 1.100                 |
      | H-DAK-SONG  | work_records_secret | 100                   |
      | H-DAK-SONG  | work_records_online | 650                   |
      | H-KRONG-NO  | work_records_total  | 1.100                 |
      | H-KRONG-NO  | work_records_secret | 100                   |
      | H-KRONG-NO  | work_records_online | 650                   |
      | H-TUY-DUC   | work_records_total  | 1.100                 |
      | H-TUY-DUC   | work_records_secret | 100                   |
      | H-TUY-DUC   | work_records_online | <work_records_online> |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-04" ở cấp "district" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                     | work_records_online | kết quả   |
      | tại ngưỡng: 65%                | 650                 | ĐẠT       |
      | một bước dưới ngưỡng: 64,9875% | 649                 | KHÔNG ĐẠT |

  Kịch bản: CQS-04 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số              | giá trị |
      | VP-UBND | work_records_total  | 1.100   |
      | VP-UBND | work_records_secret | 100     |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-04" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "CQS-04" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "CQS-04"

  # ── CQS-05 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 3
  # «Phân đầu 50% chế độ báo cáo, chỉ tiêu tổng hợp báo cáo định kỳ và báo cáo thống kê về kinh tế - xã hội được thực hiện trực tuyến»
  # Quy tắc: report_regimes_online / report_regimes_total >= 50%; cấp department; gộp pooled
  Khung kịch bản: CQS-05 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 3): tại ngưỡng >= 50% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                | giá trị                 |
      | VP-UBND | report_regimes_total  | 1.000                   |
      | VP-UBND | report_regimes_online | <report_regimes_online> |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-05" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | report_regimes_online | kết quả   |
      | tại ngưỡng: 50%             | 500                   | ĐẠT       |
      | một bước dưới ngưỡng: 49,9% | 499                   | KHÔNG ĐẠT |

  Kịch bản: CQS-05 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 3): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "report_regimes_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-05" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "CQS-05" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "CQS-05"

  # ── CQS-06 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 4
  # «Phát huy tối đa hiệu quả của Hệ thống giao ban trực tuyến các cấp»
  # Quy tắc: định tính: thanh tra viên đánh giá và xác nhận
  Kịch bản: CQS-06 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 4): chỉ tiêu định tính: luôn CẦN ĐÁNH GIÁ, không bao giờ ĐẠT, kể cả khi đủ số liệu
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
    Thì mục tiêu "CQS-06" có kết quả "CẦN ĐÁNH GIÁ"

  # ── CQS-07 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 5
  # «30% cơ quan nhà nước tham gia mở dữ liệu và cung cấp dữ liệu mở đầy đủ theo danh mục»
  # Quy tắc: open_data_provided = có >= 30%; cấp department, district; gộp share_of_units
  Khung kịch bản: CQS-07 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 5): điều kiện của từng đơn vị (có) và một bước bên kia
    Cho đơn vị "VP-UBND" báo cáo "open_data_provided" là "<open_data_provided>"
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-07" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp    | open_data_provided | kết quả   |
      | báo cáo có    | có                 | ĐẠT       |
      | báo cáo không | không              | KHÔNG ĐẠT |

  Khung kịch bản: CQS-07 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 5): toàn tỉnh, 27 đơn vị báo cáo, tại ngưỡng >= 30% và một bước bên kia
    Cho các đơn vị báo cáo:
      | đơn vị         | chỉ số             | giá trị              |
      | VP-UBND        | open_data_provided | có                   |
      | SO-NOI-VU      | open_data_provided | có                   |
      | SO-TU-PHAP     | open_data_provided | có                   |
      | SO-KH-DT       | open_data_provided | có                   |
      | SO-TAI-CHINH   | open_data_provided | có                   |
      | SO-CONG-THUONG | open_data_provided | có                   |
      | SO-NN-PTNT     | open_data_provided | có                   |
      | SO-GTVT        | open_data_provided | có                   |
      | SO-XAY-DUNG    | open_data_provided | <open_data_provided> |
      | SO-TN-MT       | open_data_provided | không                |
      | SO-TTTT        | open_data_provided | không                |
      | SO-LD-TBXH     | open_data_provided | không                |
      | SO-VH-TT-DL    | open_data_provided | không                |
      | SO-KH-CN       | open_data_provided | không                |
      | SO-GD-DT       | open_data_provided | không                |
      | SO-Y-TE        | open_data_provided | không                |
      | THANH-TRA      | open_data_provided | không                |
      | BAN-DAN-TOC    | open_data_provided | không                |
      | BQL-KCN        | open_data_provided | không                |
      | H-GIA-NGHIA    | open_data_provided | không                |
      | H-CU-JUT       | open_data_provided | không                |
      | H-DAK-GLONG    | open_data_provided | không                |
      | H-DAK-MIL      | open_data_provided | không                |
      | H-DAK-RLAP     | open_data_provided | không                |
      | H-DAK-SONG     | open_data_provided | không                |
      | H-KRONG-NO     | open_data_provided | không                |
      | H-TUY-DUC      | open_data_provided | không                |
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-07" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp      | open_data_provided | kết quả   |
      | 9/27 đơn vị đạt | có                 | ĐẠT       |
      | 8/27 đơn vị đạt | không              | KHÔNG ĐẠT |

  Kịch bản: CQS-07 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 5): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Khi chạy kiểm tra
    Thì mục tiêu "CQS-07" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "CQS-07" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "CQS-07"
