# language: vi
Tính năng: Phát triển xã hội số — kịch bản biên của bộ quy tắc dak-nong-2022
  Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022
  Nguồn: Quyết định số 231/QĐ-UBND ngày 26/01/2022 của UBND tỉnh Đắk Nông
  Lĩnh vực: Phát triển xã hội số (xa-hoi-so)
  Sinh từ quy tắc bằng `plancheck spec --scaffold`: đừng sửa tay, sinh lại khi quy tắc thay đổi.
  Mỗi chỉ tiêu được thử ngay tại ngưỡng và một bước nhỏ nhất ở phía bên kia ngưỡng, và khi thiếu
  số liệu; chỉ tiêu định tính luôn cần thanh tra viên đánh giá.

  Bối cảnh:
    Cho bộ quy tắc mặc định

  # ── XHS-01 · Phần II, mục II.3, gạch đầu dòng 1
  # «30% dân số trưởng thành có kỹ năng số cơ bản»
  # Quy tắc: adults_digital_skills / adult_population >= 30%; cấp province; gộp pooled
  Khung kịch bản: XHS-01 (Phần II, mục II.3, gạch đầu dòng 1): tại ngưỡng >= 30% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                | giá trị                 |
      | TINH   | adult_population      | 1.000                   |
      | TINH   | adults_digital_skills | <adults_digital_skills> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-01" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | adults_digital_skills | kết quả   |
      | tại ngưỡng: 30%             | 300                   | ĐẠT       |
      | một bước dưới ngưỡng: 29,9% | 299                   | KHÔNG ĐẠT |

  Kịch bản: XHS-01 (Phần II, mục II.3, gạch đầu dòng 1): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                | giá trị |
      | TINH   | adult_population      | 1.000   |
      | TINH   | adults_digital_skills | 299     |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-01" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "XHS-01" là "1"

  Kịch bản: XHS-01 (Phần II, mục II.3, gạch đầu dòng 1): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "adult_population" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-01" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-01"

  # ── XHS-02 · Phần II, mục II.3, gạch đầu dòng 2
  # «50% dân số trưởng thành có tài khoản thanh toán điện tử»
  # Quy tắc: adults_payment_account / adult_population >= 50%; cấp province; gộp pooled
  Khung kịch bản: XHS-02 (Phần II, mục II.3, gạch đầu dòng 2): tại ngưỡng >= 50% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                 | giá trị                  |
      | TINH   | adult_population       | 1.000                    |
      | TINH   | adults_payment_account | <adults_payment_account> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-02" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | adults_payment_account | kết quả   |
      | tại ngưỡng: 50%             | 500                    | ĐẠT       |
      | một bước dưới ngưỡng: 49,9% | 499                    | KHÔNG ĐẠT |

  Kịch bản: XHS-02 (Phần II, mục II.3, gạch đầu dòng 2): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                 | giá trị |
      | TINH   | adult_population       | 1.000   |
      | TINH   | adults_payment_account | 499     |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-02" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "XHS-02" là "1"

  Kịch bản: XHS-02 (Phần II, mục II.3, gạch đầu dòng 2): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "adult_population" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-02" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-02"

  # ── XHS-03 · Phần II, mục II.3, gạch đầu dòng 3
  # «0,2% dân số trưởng thành có chữ ký số cá nhân»
  # Quy tắc: adults_digital_signature / adult_population >= 0,2%; cấp province; gộp pooled
  Khung kịch bản: XHS-03 (Phần II, mục II.3, gạch đầu dòng 3): tại ngưỡng >= 0,2% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                   | giá trị                    |
      | TINH   | adult_population         | 1.000                      |
      | TINH   | adults_digital_signature | <adults_digital_signature> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-03" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                 | adults_digital_signature | kết quả   |
      | tại ngưỡng: 0,2%           | 2                        | ĐẠT       |
      | một bước dưới ngưỡng: 0,1% | 1                        | KHÔNG ĐẠT |

  Kịch bản: XHS-03 (Phần II, mục II.3, gạch đầu dòng 3): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                   | giá trị |
      | TINH   | adult_population         | 1.000   |
      | TINH   | adults_digital_signature | 1       |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-03" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "XHS-03" là "1"

  Kịch bản: XHS-03 (Phần II, mục II.3, gạch đầu dòng 3): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "adult_population" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-03" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-03"

  # ── XHS-04 · Phần II, mục II.3, gạch đầu dòng 4
  # «1% người dân kết nối mạng được bảo vệ cơ bản»
  # Quy tắc: internet_users_protected / internet_users >= 1%; cấp province; gộp pooled
  Khung kịch bản: XHS-04 (Phần II, mục II.3, gạch đầu dòng 4): tại ngưỡng >= 1% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                   | giá trị                    |
      | TINH   | internet_users           | 1.000                      |
      | TINH   | internet_users_protected | <internet_users_protected> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-04" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                 | internet_users_protected | kết quả   |
      | tại ngưỡng: 1%             | 10                       | ĐẠT       |
      | một bước dưới ngưỡng: 0,9% | 9                        | KHÔNG ĐẠT |

  Kịch bản: XHS-04 (Phần II, mục II.3, gạch đầu dòng 4): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                   | giá trị |
      | TINH   | internet_users           | 1.000   |
      | TINH   | internet_users_protected | 9       |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-04" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "XHS-04" là "1"

  Kịch bản: XHS-04 (Phần II, mục II.3, gạch đầu dòng 4): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "internet_users" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-04" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-04"

  # ── XHS-05 · Phần II, mục II.3, gạch đầu dòng 5
  # «Tỷ lệ người dân có điện thoại thông minh 60%»
  # Quy tắc: smartphone_users / population >= 60%; cấp province; gộp pooled
  Khung kịch bản: XHS-05 (Phần II, mục II.3, gạch đầu dòng 5): tại ngưỡng >= 60% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số           | giá trị            |
      | TINH   | population       | 1.000              |
      | TINH   | smartphone_users | <smartphone_users> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-05" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | smartphone_users | kết quả   |
      | tại ngưỡng: 60%             | 600              | ĐẠT       |
      | một bước dưới ngưỡng: 59,9% | 599              | KHÔNG ĐẠT |

  Kịch bản: XHS-05 (Phần II, mục II.3, gạch đầu dòng 5): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số           | giá trị |
      | TINH   | population       | 1.000   |
      | TINH   | smartphone_users | 599     |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-05" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "XHS-05" là "1"

  Kịch bản: XHS-05 (Phần II, mục II.3, gạch đầu dòng 5): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "population" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-05" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-05"

  # ── XHS-06 · Phần II, mục II.3, gạch đầu dòng 6
  # «Tối thiểu 50% hộ gia đình có cáp quang, phủ sóng băng rộng di động 3G/4G tới 100% thôn, bon, bản»
  # Quy tắc: mọi phần phải đạt — households-fibre: households_fibre / households_total >= 50% [province; pooled]; villages-3g4g: villages_mobile_broadband / villages_total >= 100% [commune; pooled]
  # Phần villages-3g4g: 71 đơn vị, quá nhiều cho một bảng; thử ngưỡng của phần này cần bước kiểm tra kết quả của một phần ở một đơn vị (chưa có trong thư viện bước).
  Khung kịch bản: XHS-06 (Phần II, mục II.3, gạch đầu dòng 6): mọi phần tại ngưỡng, rồi từng phần một bước bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số           | giá trị            |
      | TINH   | households_total | 1.000              |
      | TINH   | households_fibre | <households_fibre> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-06" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                                   | households_fibre | kết quả       |
      | households-fibre tại ngưỡng: 50%             | 500              | THIẾU SỐ LIỆU |
      | households-fibre một bước dưới ngưỡng: 49,9% | 499              | KHÔNG ĐẠT     |

  Kịch bản: XHS-06 (Phần II, mục II.3, gạch đầu dòng 6): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "households_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-06" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-06"

  # ── XHS-07 · Phần II, mục II.3, gạch đầu dòng 6
  # «số thuê bao băng rộng di động/100 dân đạt tối thiểu 70%»
  # Quy tắc: mobile_broadband_subscriptions / population × 100 >= 70; cấp province; gộp pooled
  Khung kịch bản: XHS-07 (Phần II, mục II.3, gạch đầu dòng 6): tại ngưỡng >= 70 và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                         | giá trị                          |
      | TINH   | population                     | 1.000                            |
      | TINH   | mobile_broadband_subscriptions | <mobile_broadband_subscriptions> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-07" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                     | mobile_broadband_subscriptions | kết quả   |
      | tại ngưỡng: 70/100             | 700                            | ĐẠT       |
      | một bước dưới ngưỡng: 69,9/100 | 699                            | KHÔNG ĐẠT |

  Kịch bản: XHS-07 (Phần II, mục II.3, gạch đầu dòng 6): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                         | giá trị |
      | TINH   | population                     | 1.000   |
      | TINH   | mobile_broadband_subscriptions | 699     |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-07" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "XHS-07" là "1"

  Kịch bản: XHS-07 (Phần II, mục II.3, gạch đầu dòng 6): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "population" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-07" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-07"

  # ── XHS-08 · Phần II, mục II.3, gạch đầu dòng 7
  # «Phần đầu 50% trường học, bệnh viện thanh toán không dùng tiền mặt»
  # Quy tắc: schools_hospitals_cashless / schools_hospitals_total >= 50%; cấp department, district; gộp pooled
  Khung kịch bản: XHS-08 (Phần II, mục II.3, gạch đầu dòng 7): tại ngưỡng >= 50% và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị
    Cho các đơn vị báo cáo:
      | đơn vị  | chỉ số                     | giá trị                      |
      | VP-UBND | schools_hospitals_total    | 1.000                        |
      | VP-UBND | schools_hospitals_cashless | <schools_hospitals_cashless> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-08" của đơn vị "VP-UBND" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | schools_hospitals_cashless | kết quả   |
      | tại ngưỡng: 50%             | 500                        | ĐẠT       |
      | một bước dưới ngưỡng: 49,9% | 499                        | KHÔNG ĐẠT |

  Kịch bản: XHS-08 (Phần II, mục II.3, gạch đầu dòng 7): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "VP-UBND" báo cáo "schools_hospitals_total" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-08" của đơn vị "VP-UBND" có kết quả "THIẾU SỐ LIỆU"
    Và mục tiêu "XHS-08" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "VP-UBND" thiếu số liệu cho mục tiêu "XHS-08"

  # ── XHS-09 · Phần II, mục II.3, gạch đầu dòng 8
  # «5% người dùng Internet trên địa bàn tỉnh sử dụng ứng dụng bảo đảm an toàn thông tin mạng cơ bản»
  # Quy tắc: internet_users_security_app / internet_users >= 5%; cấp province; gộp pooled
  Khung kịch bản: XHS-09 (Phần II, mục II.3, gạch đầu dòng 8): tại ngưỡng >= 5% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                      | giá trị                       |
      | TINH   | internet_users              | 1.000                         |
      | TINH   | internet_users_security_app | <internet_users_security_app> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-09" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                 | internet_users_security_app | kết quả   |
      | tại ngưỡng: 5%             | 50                          | ĐẠT       |
      | một bước dưới ngưỡng: 4,9% | 49                          | KHÔNG ĐẠT |

  Kịch bản: XHS-09 (Phần II, mục II.3, gạch đầu dòng 8): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                      | giá trị |
      | TINH   | internet_users              | 1.000   |
      | TINH   | internet_users_security_app | 49      |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-09" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "XHS-09" là "1"

  Kịch bản: XHS-09 (Phần II, mục II.3, gạch đầu dòng 8): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "internet_users" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-09" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-09"

  # ── XHS-10 · Phần II, mục II.3, gạch đầu dòng 9
  # «20% người dân sử dụng ứng dụng định danh số»
  # Quy tắc: digital_id_app_users / population >= 20%; cấp province; gộp pooled
  Khung kịch bản: XHS-10 (Phần II, mục II.3, gạch đầu dòng 9): tại ngưỡng >= 20% và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số               | giá trị                |
      | TINH   | population           | 1.000                  |
      | TINH   | digital_id_app_users | <digital_id_app_users> |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-10" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                  | digital_id_app_users | kết quả   |
      | tại ngưỡng: 20%             | 200                  | ĐẠT       |
      | một bước dưới ngưỡng: 19,9% | 199                  | KHÔNG ĐẠT |

  Kịch bản: XHS-10 (Phần II, mục II.3, gạch đầu dòng 9): một bước chưa tới ngưỡng: khoảng cách đúng một bước
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số               | giá trị |
      | TINH   | population           | 1.000   |
      | TINH   | digital_id_app_users | 199     |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-10" có kết quả "KHÔNG ĐẠT"
    Và khoảng cách của mục tiêu "XHS-10" là "1"

  Kịch bản: XHS-10 (Phần II, mục II.3, gạch đầu dòng 9): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "population" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-10" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-10"

  # ── XHS-11 · Phần II, mục II.3, gạch đầu dòng 10
  # «50% người dân của tỉnh có Hồ sơ sức khỏe điện tử và sử dụng ứng dụng PC-Covid»
  # Quy tắc: mọi phần phải đạt — health-records: health_records_electronic / population >= 50% [province; pooled]; pc-covid: pc_covid_users / population >= 50% [province; pooled]
  Khung kịch bản: XHS-11 (Phần II, mục II.3, gạch đầu dòng 10): mọi phần tại ngưỡng, rồi từng phần một bước bên kia ngưỡng, toàn tỉnh
    Cho các đơn vị báo cáo:
      | đơn vị | chỉ số                    | giá trị                     |
      | TINH   | population                | 1.000                       |
      | TINH   | health_records_electronic | <health_records_electronic> |
      | TINH   | pc_covid_users            | <pc_covid_users>            |
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-11" có kết quả "<kết quả>"

    Dữ liệu:
      | trường hợp                                                           | health_records_electronic | pc_covid_users | kết quả   |
      | health-records tại ngưỡng: 50%; pc-covid tại ngưỡng: 50%             | 500                       | 500            | ĐẠT       |
      | health-records một bước dưới ngưỡng: 49,9%; pc-covid tại ngưỡng: 50% | 499                       | 500            | KHÔNG ĐẠT |
      | health-records tại ngưỡng: 50%; pc-covid một bước dưới ngưỡng: 49,9% | 500                       | 499            | KHÔNG ĐẠT |

  Kịch bản: XHS-11 (Phần II, mục II.3, gạch đầu dòng 10): thiếu số liệu: không bao giờ coi là 0 hay là đạt
    Cho đơn vị "TINH" báo cáo "population" là "1.000"
    Khi chạy kiểm tra
    Thì mục tiêu "XHS-11" có kết quả "THIẾU SỐ LIỆU"
    Và đơn vị "TINH" thiếu số liệu cho mục tiêu "XHS-11"
