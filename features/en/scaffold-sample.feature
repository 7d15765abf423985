# language: en
Feature: a sample, one target of each shape — boundary scenarios of rule pack dak-nong-2022
  Đắk Nông province plan for digital transformation and network information security, 2022
  Source: Quyết định số 231/QĐ-UBND ngày 26/01/2022 của UBND tỉnh Đắk Nông
  Areas: Digital government within state agencies (chinh-quyen-so); IT-enabled services for citizens and businesses (dich-vu-so); Digital society (xa-hoi-so); Implementation (news and outreach on digital transformation) (to-chuc-thuc-hien)
  Generated from the rules by `plancheck spec --scaffold`: do not edit, regenerate when a rule changes.
  Every target is tried at its threshold and one smallest step across it, and with figures missing;
  a qualitative target always needs an inspector.

  Background:
    Given the bundled rule pack

  # ── CQS-01 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1
  # «Hệ thống quản lý văn bản và điều hành được triển khai thông suốt 4 cấp chính quyền cho 100% các Sở, Ban, ngành, UBND các cấp»
  # (The document management and direction system runs end to end across the 4 levels of government for 100% of departments and People's Committees at every level)
  # Rule: doc_system_deployed = yes >= 100%; levels department, district, commune; roll-up share_of_units
  Scenario Outline: CQS-01 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): one unit's own condition (yes) and one step across it
    Given unit "VP-UBND" reports "doc_system_deployed" as "<doc_system_deployed>"
    When the audit runs
    Then target "CQS-01" for unit "VP-UBND" is "<verdict>"

    Examples:
      | case        | doc_system_deployed | verdict |
      | reports yes | yes                 | met     |
      | reports no  | no                  | not met |

  Scenario: CQS-01 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): missing figures are never read as 0 or as met
    When the audit runs
    Then target "CQS-01" for unit "VP-UBND" is "insufficient data"
    And target "CQS-01" is "insufficient data"
    And unit "VP-UBND" is missing for target "CQS-01"

  # ── CQS-02 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1
  # «92% văn bản điện tử giữa các cơ quan nhà nước 4 cấp được trao đổi qua mạng (trừ văn bản thuộc bí mật nhà nước)»
  # (92% of documents between state agencies at the 4 levels are exchanged electronically over the network (excluding state-secret documents))
  # Rule: documents_sent_online / (documents_sent_total − documents_sent_secret) >= 92%; levels department, district, commune; roll-up pooled
  Scenario Outline: CQS-02 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): at the threshold >= 92% and one smallest step across it, for one unit
    Given the units report:
      | unit    | metric                | value                   |
      | VP-UBND | documents_sent_total  | 1.100                   |
      | VP-UBND | documents_sent_secret | 100                     |
      | VP-UBND | documents_sent_online | <documents_sent_online> |
    When the audit runs
    Then target "CQS-02" for unit "VP-UBND" is "<verdict>"

    Examples:
      | case                  | documents_sent_online | verdict |
      | at the threshold: 92% | 920                   | met     |
      | one step below: 91,9% | 919                   | not met |

  Scenario: CQS-02 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): missing figures are never read as 0 or as met
    Given the units report:
      | unit    | metric                | value |
      | VP-UBND | documents_sent_total  | 1.100 |
      | VP-UBND | documents_sent_secret | 100   |
    When the audit runs
    Then target "CQS-02" for unit "VP-UBND" is "insufficient data"
    And target "CQS-02" is "insufficient data"
    And unit "VP-UBND" is missing for target "CQS-02"

  # ── CQS-03 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1
  # «tăng tỷ lệ trao đổi văn bản điện tử ở cấp xã»
  # (increase the rate of electronic document exchange at commune level)
  # Rule: documents_sent_online / (documents_sent_total − documents_sent_secret) > 2021; levels commune; roll-up pooled
  Scenario Outline: CQS-03 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): increase over 2021: the same is not met, one step more is met
    Given the units report:
      | unit                  | metric                | value                   | period |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_total  | 1.000                   | 2021   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_secret | 0                       | 2021   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_online | 500                     | 2021   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_total  | 1.100                   | 2022   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_secret | 100                     | 2022   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_online | <documents_sent_online> | 2022   |
    When the audit runs
    Then target "CQS-03" for unit "X-GIA-NGHIA-NGHIA-DUC" is "<verdict>"

    Examples:
      | case                       | documents_sent_online | verdict |
      | same as 2021: 50%          | 500                   | not met |
      | one step above 2021: 50,1% | 501                   | met     |

  Scenario: CQS-03 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): without 2021 figures it is insufficient data, never met
    Given the units report:
      | unit                  | metric                | value |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_total  | 1.100 |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_secret | 100   |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_online | 501   |
    When the audit runs
    Then target "CQS-03" for unit "X-GIA-NGHIA-NGHIA-DUC" is "insufficient data"

  Scenario: CQS-03 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 1): missing figures are never read as 0 or as met
    Given the units report:
      | unit                  | metric                | value |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_total  | 1.100 |
      | X-GIA-NGHIA-NGHIA-DUC | documents_sent_secret | 100   |
    When the audit runs
    Then target "CQS-03" for unit "X-GIA-NGHIA-NGHIA-DUC" is "insufficient data"
    And target "CQS-03" is "insufficient data"
    And unit "X-GIA-NGHIA-NGHIA-DUC" is missing for target "CQS-03"

  # ── CQS-04 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 2
  # «75% hồ sơ công việc tại cấp tỉnh; 65% hồ sơ công việc tại cấp huyện và 45% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc bí mật nhà nước)»
  # (75% of work records at provincial level, 65% at district level and 45% at commune level are processed online (excluding state-secret work records))
  # Rule: work_records_online / (work_records_total − work_records_secret) department >= 75%, district >= 65%, commune >= 45%; levels department, district, commune; roll-up pooled
  Scenario Outline: CQS-04 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 2): each level at its own threshold and one smallest step across it, for one unit
    Given the units report:
      | unit   | metric              | value                 |
      | <unit> | work_records_total  | 1.100                 |
      | <unit> | work_records_secret | 100                   |
      | <unit> | work_records_online | <work_records_online> |
    When the audit runs
    Then target "CQS-04" for unit "<unit>" is "<verdict>"

    Examples:
      | case                                    | unit                  | work_records_online | verdict |
      | department level, at the threshold: 75% | VP-UBND               | 750                 | met     |
      | department level, one step below: 74,9% | VP-UBND               | 749                 | not met |
      | district level, at the threshold: 65%   | H-GIA-NGHIA           | 650                 | met     |
      | district level, one step below: 64,9%   | H-GIA-NGHIA           | 649                 | not met |
      | commune level, at the threshold: 45%    | X-GIA-NGHIA-NGHIA-DUC | 450                 | met     |
      | commune level, one step below: 44,9%    | X-GIA-NGHIA-NGHIA-DUC | 449                 | not met |

  Scenario Outline: CQS-04 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 2): district level, 8 units report, at the threshold >= 65% and one step across it
    Given the units report:
      | unit        | metric              | value                 |
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
    When the audit runs
    Then target "CQS-04" at level "district" is "<verdict>"

    Examples:
      | case                     | work_records_online | verdict |
      | at the threshold: 65%    | 650                 | met     |
      | one step below: 64,9875% | 649                 | not met |

  Scenario: CQS-04 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 2): missing figures are never read as 0 or as met
    Given the units report:
      | unit    | metric              | value |
      | VP-UBND | work_records_total  | 1.100 |
      | VP-UBND | work_records_secret | 100   |
    When the audit runs
    Then target "CQS-04" for unit "VP-UBND" is "insufficient data"
    And target "CQS-04" is "insufficient data"
    And unit "VP-UBND" is missing for target "CQS-04"

  # ── CQS-06 · Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 4
  # «Phát huy tối đa hiệu quả của Hệ thống giao ban trực tuyến các cấp»
  # (Make the most of the online meeting system at every level)
  # Rule: qualitative: an inspector attests it
  Scenario: CQS-06 (Phần II, mục II.1, nhóm «Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước», gạch đầu dòng 4): qualitative: always manual, never met, even with every figure reported
    Given the units report:
      | unit | metric                         | value |
      | TINH | satisfaction_rate              | 100%  |
      | TINH | child_victims_requesting       | 1     |
      | TINH | child_victims_supported        | 1     |
      | TINH | enterprises_total              | 1     |
      | TINH | smes_total                     | 1     |
      | TINH | smes_digital_platforms         | 1     |
      | TINH | invoices_total                 | 1     |
      | TINH | invoices_electronic            | 1     |
      | TINH | enterprises_e_contracts        | 1     |
      | TINH | retail_revenue                 | 1     |
      | TINH | ecommerce_revenue              | 1     |
      | TINH | population                     | 1     |
      | TINH | adult_population               | 1     |
      | TINH | adults_digital_skills          | 1     |
      | TINH | adults_payment_account         | 1     |
      | TINH | adults_digital_signature       | 1     |
      | TINH | internet_users                 | 1     |
      | TINH | internet_users_protected       | 1     |
      | TINH | internet_users_security_app    | 1     |
      | TINH | smartphone_users               | 1     |
      | TINH | households_total               | 1     |
      | TINH | households_fibre               | 1     |
      | TINH | mobile_broadband_subscriptions | 1     |
      | TINH | digital_id_app_users           | 1     |
      | TINH | health_records_electronic      | 1     |
      | TINH | pc_covid_users                 | 1     |
      | TINH | provincial_budget_spending     | 1     |
      | TINH | it_spending_local_budget       | 1     |
      | TINH | news_items_dts_portal          | 1     |
    When the audit runs
    Then target "CQS-06" is "manual"

  # ── DVC-03 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2
  # «trong đó tích hợp trên 60% lên Cổng Dịch vụ công Quốc gia»
  # (of which more than 60% are integrated on the National Public Service Portal)
  # Rule: online_services_level4_national / online_services_level4 > 60%; levels department; roll-up pooled
  Scenario Outline: DVC-03 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): at the threshold > 60% and one smallest step across it, for one unit
    Given the units report:
      | unit    | metric                          | value                             |
      | VP-UBND | online_services_level4          | 1.000                             |
      | VP-UBND | online_services_level4_national | <online_services_level4_national> |
    When the audit runs
    Then target "DVC-03" for unit "VP-UBND" is "<verdict>"

    Examples:
      | case                  | online_services_level4_national | verdict |
      | at the threshold: 60% | 600                             | not met |
      | one step above: 60,1% | 601                             | met     |

  Scenario: DVC-03 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): missing figures are never read as 0 or as met
    Given unit "VP-UBND" reports "online_services_level4" as "1.000"
    When the audit runs
    Then target "DVC-03" for unit "VP-UBND" is "insufficient data"
    And target "DVC-03" is "insufficient data"
    And unit "VP-UBND" is missing for target "DVC-03"

  # ── DVC-06 · Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2
  # «90% người dân, doanh nghiệp hài lòng với dịch vụ của cơ quan nhà nước»
  # (90% of citizens and businesses are satisfied with the services of state agencies)
  # Rule: satisfaction_rate >= 90%; levels province; roll-up mean
  Scenario Outline: DVC-06 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): at the threshold >= 90% and one smallest step across it, province
    Given unit "TINH" reports "satisfaction_rate" as "<satisfaction_rate>"
    When the audit runs
    Then target "DVC-06" is "<verdict>"

    Examples:
      | case                  | satisfaction_rate | verdict |
      | at the threshold: 90% | 90%               | met     |
      | one step below: 89,9% | 89,9%             | not met |

  Scenario: DVC-06 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): one step short: the gap is exactly one step
    Given unit "TINH" reports "satisfaction_rate" as "89,9%"
    When the audit runs
    Then target "DVC-06" is "not met"
    And the gap of target "DVC-06" is "0,1"

  Scenario: DVC-06 (Phần II, mục II.1, nhóm «Ứng dụng CNTT cung cấp dịch vụ phục vụ người dân và doanh nghiệp», gạch đầu dòng 2): missing figures are never read as 0 or as met
    When the audit runs
    Then target "DVC-06" is "insufficient data"
    And unit "TINH" is missing for target "DVC-06"

  # ── XHS-06 · Phần II, mục II.3, gạch đầu dòng 6
  # «Tối thiểu 50% hộ gia đình có cáp quang, phủ sóng băng rộng di động 3G/4G tới 100% thôn, bon, bản»
  # (At least 50% of households have fibre, and 3G/4G mobile broadband covers 100% of villages)
  # Rule: every part must be met — households-fibre: households_fibre / households_total >= 50% [province; pooled]; villages-3g4g: villages_mobile_broadband / villages_total >= 100% [commune; pooled]
  # Part villages-3g4g: 71 units, too many for one table; its threshold needs a step that checks one part's verdict for one unit (not in the step library yet).
  Scenario Outline: XHS-06 (Phần II, mục II.3, gạch đầu dòng 6): every part at its threshold, then each part one step across it, province
    Given the units report:
      | unit | metric           | value              |
      | TINH | households_total | 1.000              |
      | TINH | households_fibre | <households_fibre> |
    When the audit runs
    Then target "XHS-06" is "<verdict>"

    Examples:
      | case                                   | households_fibre | verdict           |
      | households-fibre at the threshold: 50% | 500              | insufficient data |
      | households-fibre one step below: 49,9% | 499              | not met           |

  Scenario: XHS-06 (Phần II, mục II.3, gạch đầu dòng 6): missing figures are never read as 0 or as met
    Given unit "TINH" reports "households_total" as "1.000"
    When the audit runs
    Then target "XHS-06" is "insufficient data"
    And unit "TINH" is missing for target "XHS-06"

  # ── XHS-07 · Phần II, mục II.3, gạch đầu dòng 6
  # «số thuê bao băng rộng di động/100 dân đạt tối thiểu 70%»
  # (mobile broadband subscriptions per 100 inhabitants reach at least 70)
  # Rule: mobile_broadband_subscriptions / population × 100 >= 70; levels province; roll-up pooled
  Scenario Outline: XHS-07 (Phần II, mục II.3, gạch đầu dòng 6): at the threshold >= 70 and one smallest step across it, province
    Given the units report:
      | unit | metric                         | value                            |
      | TINH | population                     | 1.000                            |
      | TINH | mobile_broadband_subscriptions | <mobile_broadband_subscriptions> |
    When the audit runs
    Then target "XHS-07" is "<verdict>"

    Examples:
      | case                     | mobile_broadband_subscriptions | verdict |
      | at the threshold: 70/100 | 700                            | met     |
      | one step below: 69,9/100 | 699                            | not met |

  Scenario: XHS-07 (Phần II, mục II.3, gạch đầu dòng 6): one step short: the gap is exactly one step
    Given the units report:
      | unit | metric                         | value |
      | TINH | population                     | 1.000 |
      | TINH | mobile_broadband_subscriptions | 699   |
    When the audit runs
    Then target "XHS-07" is "not met"
    And the gap of target "XHS-07" is "1"

  Scenario: XHS-07 (Phần II, mục II.3, gạch đầu dòng 6): missing figures are never read as 0 or as met
    Given unit "TINH" reports "population" as "1.000"
    When the audit runs
    Then target "XHS-07" is "insufficient data"
    And unit "TINH" is missing for target "XHS-07"

  # ── TT-01 · Phần II, mục VI.4, gạch đầu dòng 4
  # «Ủy ban nhân dân các huyện, thành phố chỉ đạo Trung tâm Văn hóa Thể thao và Truyền thông các huyện, thành phố, UBND các xã, phường, thị trấn tăng cường thông tin, tuyên truyền về Chuyển đổi số, tập trung vào nội dung phát triển Xã hội số, ít nhất mỗi tuần có một (01) tin, bài»
  # (District and city People's Committees direct their culture, sports and communication centres and the commune People's Committees to step up news and outreach on digital transformation, focused on the digital society, with at least one (01) news item a week)
  # Rule: news_items_dts / week >= 1; levels district, commune; roll-up every_unit
  Scenario Outline: TT-01 (Phần II, mục VI.4, gạch đầu dòng 4): at the threshold >= 1 and one smallest step across it, for one unit
    Given unit "H-GIA-NGHIA" reports "news_items_dts" as "<news_items_dts>"
    When the audit runs
    Then target "TT-01" for unit "H-GIA-NGHIA" is "<verdict>"

    Examples:
      | case                        | news_items_dts | verdict |
      | at the threshold: 1/week    | 52             | met     |
      | one step below: ≈ 0,98/week | 51             | not met |

  Scenario: TT-01 (Phần II, mục VI.4, gạch đầu dòng 4): missing figures are never read as 0 or as met
    When the audit runs
    Then target "TT-01" for unit "H-GIA-NGHIA" is "insufficient data"
    And target "TT-01" is "insufficient data"
    And unit "H-GIA-NGHIA" is missing for target "TT-01"
