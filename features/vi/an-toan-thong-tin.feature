# language: vi
Tính năng: Công tác bảo đảm an toàn thông tin — kịch bản biên của bộ quy tắc dak-nong-2022
  Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022
  Nguồn: Quyết định số 231/QĐ-UBND ngày 26/01/2022 của UBND tỉnh Đắk Nông
  Lĩnh vực: Công tác bảo đảm an toàn thông tin (an-toan-thong-tin)
  Sinh từ quy tắc bằng `plancheck spec --scaffold`: đừng sửa tay, sinh lại khi quy tắc thay đổi.
  Mỗi chỉ tiêu được thử ngay tại ngưỡng và một bước nhỏ nhất ở phía bên kia ngưỡng, và khi thiếu
  số liệu; chỉ tiêu định tính luôn cần thanh tra viên đánh giá.

  Bối cảnh:
    Cho bộ quy tắc mặc định

  # ── ATTT-01 · Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 1
  # «Tiếp tục bảo đảm an toàn thông tin cho Trung tâm tích hợp dữ liệu tỉnh và các hệ thống thông tin thuộc chính quyền điện tử của tỉnh»
  # Quy tắc: định tính: thanh tra viên đánh giá và xác nhận
  Kịch bản: ATTT-01 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 1): chỉ tiêu định tính: luôn CẦN ĐÁNH GIÁ, không bao giờ ĐẠT, kể cả khi đủ số liệu
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
    Thì mục tiêu "ATTT-01" có kết quả "CẦN ĐÁNH GIÁ"

  # ── ATTT-02 · Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 2
  # «100% các máy tính đủ điều kiện tại các cơ quan, đơn vị, địa phương được cài đặt phần mềm phòng chống mã độc tập trung của tỉnh»
  # Quy tắc: computers_antimalware / computers_eligible >= 100%; cấp department, district, commune; gộp pooled
  Khung kịch bản: ATTT-02 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 2): tại ngưỡng >= 100% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                | giá trị                 |
      | VP-UBND | computers_eligible    | 1.000                   |
      | VP-UBND | computers_antimalware | <computers_antimalware> |
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-02" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | computers_antimalware | kết quả   |
      | tại ngưỡng: 100%            | 1.000                 | ĐẠT       |
      | một bước dưới ngưỡng: 99,9% | 999                   | KHÔNG ĐẠT |

  Kịch bản: ATTT-02 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "computers_eligible" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-02" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "ATTT-02" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "ATTT-02"

  # ── ATTT-03 · Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 3
  # «Tối thiểu 70% hệ thống thông tin được xác định cấp độ và triển khai phương án bảo đảm an toàn thông tin theo cấp độ»
  # Quy tắc: info_systems_classified / info_systems_total >= 70%; cấp department, district; gộp pooled
  Khung kịch bản: ATTT-03 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 3): tại ngưỡng >= 70% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                  | giá trị                   |
      | VP-UBND | info_systems_total      | 1.000                     |
      | VP-UBND | info_systems_classified | <info_systems_classified> |
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | info_systems_classified | kết quả   |
      | tại ngưỡng: 70%             | 700                     | ĐẠT       |
      | một bước dưới ngưỡng: 69,9% | 699                     | KHÔNG ĐẠT |

  Kịch bản: ATTT-03 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 3): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "info_systems_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "ATTT-03" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "ATTT-03"

  # ── ATTT-04 · Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 4
  # «100% người đứng đầu của các Sở, Ban, ngành, UBND các huyện, thành phố được tuyên truyền, nâng cao nhận thức và trách nhiệm về bảo đảm an toàn thông tin»
  # Quy tắc: head_security_briefed = có >= 100%; cấp department, district; gộp share_of_units
  Khung kịch bản: ATTT-04 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 4): điều kiện của từng đơn vị (có) và một bước bên kia
    Cho đơn vị "VP-UBND" báo cáo "head_security_briefed" là "<head_security_briefed>"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-04" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp    | head_security_briefed | kết quả   |
      | báo cáo có    | có                    | ĐẠT       |
      | báo cáo không | không                 | KHÔNG ĐẠT |

  Khung kịch bản: ATTT-04 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 4): toàn tỉnh, 27 đơn vị báo cáo, tại ngưỡng >= 100% và một bước bên kia
    Cho các đơn vị báo cáo:
      | đơn vị         | chỉ số                | giá trị                 |
      | VP-UBND        | head_security_briefed | có                      |
      | SO-NOI-VU      | head_security_briefed | có                      |
      | SO-TU-PHAP     | head_security_briefed | có                      |
      | SO-KH-DT       | head_security_briefed | có                      |
      | SO-TAI-CHINH   | head_security_briefed | có                      |
      | SO-CONG-THUONG | head_security_briefed | có                      |
      | SO-NN-PTNT     | head_security_briefed | có                      |
      | SO-GTVT        | head_security_briefed | có                      |
      | SO-XAY-DUNG    | head_security_briefed | có                      |
      | SO-TN-MT       | head_security_briefed | có                      |
      | SO-TTTT        | head_security_briefed | có                      |
      | SO-LD-TBXH     | head_security_briefed | có                      |
      | SO-VH-TT-DL    | head_security_briefed | có                      |
      | SO-KH-CN       | head_security_briefed | có                      |
      | SO-GD-DT       | head_security_briefed | có                      |
      | SO-Y-TE        | head_security_briefed | có                      |
      | THANH-TRA      | head_security_briefed | có                      |
      | BAN-DAN-TOC    | head_security_briefed | có                      |
      | BQL-KCN        | head_security_briefed | có                      |
      | H-GIA-NGHIA    | head_security_briefed | có                      |
      | H-CU-JUT       | head_security_briefed | có                      |
      | H-DAK-GLONG    | head_security_briefed | có                      |
      | H-DAK-MIL      | head_security_briefed | có                      |
      | H-DAK-RLAP     | head_security_briefed | có                      |
      | H-DAK-SONG     | head_security_briefed | có                      |
      | H-KRONG-NO     | head_security_briefed | có                      |
      | H-TUY-DUC      | head_security_briefed | <head_security_briefed> |
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-04" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp       | head_security_briefed | kết quả   |
      | 27/27 đơn vị đạt | có                    | ĐẠT       |
      | 26/27 đơn vị đạt | không                 | KHÔNG ĐẠT |

  Kịch bản: ATTT-04 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 4): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-04" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "ATTT-04" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "ATTT-04"

  # ── ATTT-05 · Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 5
  # «90% cán bộ, công chức, viên chức và người lao động của cơ quan (bao gồm cả các đơn vị, tổ chức nhà nước trực thuộc) được tuyên truyền, phổ biến về thói quen, trách nhiệm và kỹ năng cơ bản bảo đảm an toàn thông tin»
  # Quy tắc: staff_security_trained / staff_total >= 90%; cấp department, district, commune; gộp pooled
  Khung kịch bản: ATTT-05 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 5): tại ngưỡng >= 90% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                 | giá trị                  |
      | VP-UBND | staff_total            | 1.000                    |
      | VP-UBND | staff_security_trained | <staff_security_trained> |
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-05" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | staff_security_trained | kết quả   |
      | tại ngưỡng: 90%             | 900                    | ĐẠT       |
      | một bước dưới ngưỡng: 89,9% | 899                    | KHÔNG ĐẠT |

  Kịch bản: ATTT-05 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 5): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "staff_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-05" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "ATTT-05" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "ATTT-05"

  # ── ATTT-06 · Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 6
  # «100% trường tiểu học, trung học cơ sở, trung học phổ thông và các cơ sở bảo vệ, nuôi dưỡng trẻ em được tuyên truyền, giáo dục kiến thức, kỹ năng cần thiết cho trẻ em để tham gia môi trường mạng an toàn»
  # Quy tắc: child_facilities_outreach / child_facilities_total >= 100%; cấp department, district; gộp pooled
  Khung kịch bản: ATTT-06 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 6): tại ngưỡng >= 100% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                    | giá trị                     |
      | VP-UBND | child_facilities_total    | 1.000                       |
      | VP-UBND | child_facilities_outreach | <child_facilities_outreach> |
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-06" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | child_facilities_outreach | kết quả   |
      | tại ngưỡng: 100%            | 1.000                     | ĐẠT       |
      | một bước dưới ngưỡng: 99,9% | 999                       | KHÔNG ĐẠT |

  Kịch bản: ATTT-06 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 6): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "child_facilities_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-06" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "ATTT-06" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "ATTT-06"

  # ── ATTT-07 · Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 7
  # «100% trẻ em là nạn nhân bị xâm hại trên môi trường mạng được hỗ trợ, can thiệp khi có yêu cầu từ bản thân hoặc từ người thân, cộng đồng xã hội»
  # Quy tắc: child_victims_supported / child_victims_requesting >= 100%; cấp province; gộp pooled
  Khung kịch bản: ATTT-07 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 7): tại ngưỡng >= 100% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                   | giá trị                   |
      | TINH   | child_victims_requesting | 1.000                     |
      | TINH   | child_victims_supported  | <child_victims_supported> |
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-07" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | child_victims_supported | kết quả   |
      | tại ngưỡng: 100%            | 1.000                   | ĐẠT       |
      | một bước dưới ngưỡng: 99,9% | 999                     | KHÔNG ĐẠT |

  Kịch bản: ATTT-07 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 7): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                   | giá trị |
      | TINH   | child_victims_requesting | 1.000   |
      | TINH   | child_victims_supported  | 999     |
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-07" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "ATTT-07" là "1"

  Kịch bản: ATTT-07 (Phần II, mục II.1, nhóm «Công tác bảo đảm an toàn thông tin», gạch đầu dòng 7): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "child_victims_requesting" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-07" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "ATTT-07"
