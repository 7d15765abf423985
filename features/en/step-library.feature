Feature: The English step library: levels, values, gaps, rejected values, the command line
  The same scenarios as features/vi/vi-du-thu-vien-buoc.feature, with the English steps. A value is
  compared to the precision it is written with: "66.7%" is the exact value rounded to one decimal.

  Scenario: a small registry of one unit per level: each level has its own threshold (CQS-04)
    Given the units:
      | id   | name          | level      | parent |
      | TINH | Test Province | province   |        |
      | SO-A | Department A  | department |        |
      | H-A  | District A    | district   |        |
      | X-A  | Commune A     | commune    | H-A    |
    And the units report:
      | unit | metric              | value |
      | SO-A | work_records_total  | 1.000 |
      | SO-A | work_records_online | 750   |
      | SO-A | work_records_secret | 0     |
      | H-A  | work_records_total  | 1.000 |
      | H-A  | work_records_online | 649   |
      | H-A  | work_records_secret | 0     |
      | X-A  | work_records_total  | 200   |
      | X-A  | work_records_online | 90    |
      | X-A  | work_records_secret | 0     |
    When the audit runs
    Then target "CQS-04" at level "department" is "met"
    And the value of target "CQS-04" at level "department" is "75%"
    And target "CQS-04" at level "district" is "not met"
    And the value of target "CQS-04" at level "district" is "64.9%"
    And the gap of target "CQS-04" at level "district" is "1"
    And target "CQS-04" at level "commune" is "met"
    And target "CQS-04" is "not met"
    And unit "Commune A" contributes to target "CQS-04"

  Scenario: a unit's value and gap, compared to the precision written
    Given the rule pack "rules/packs/dak-nong-2022.yaml"
    And the unit registry "facts/registry/dak-nong.yaml"
    And unit "Department of Information and Communications" of level "department" reports "info_systems_total" as "3"
    And unit "SO-TTTT" of level "department" reports "info_systems_classified" as "2"
    When the audit runs for period "2022"
    Then target "ATTT-03" for unit "SO-TTTT" is "not met"
    And the value of target "ATTT-03" for unit "SO-TTTT" is "66.7%"
    And the value of target "ATTT-03" for unit "SO-TTTT" is "67%"
    And the value of target "ATTT-03" for unit "SO-TTTT" is "66.67%"
    And the gap of target "ATTT-03" for unit "SO-TTTT" is "1"

  Scenario: a district that does not report leaves the target without data and without a value
    Given the bundled rule pack
    And unit "SO-TTTT" reports "info_systems_total" as "10"
    And unit "SO-TTTT" reports "info_systems_classified" as "7"
    And unit "Cu Jut District" does not report
    When the audit runs
    Then target "ATTT-03" is "insufficient data"
    And the value of target "ATTT-03" is "—"
    And unit "H-CU-JUT" is missing for target "ATTT-03"
    And unit "SO-TTTT" contributes to target "ATTT-03"

  Scenario: a target of another level does not apply to a commune
    Given unit "Cu Knia Commune" of level "commune" reports "news_items_dts" as "52"
    When the audit runs for unit "X-CU-JUT-CU-KNIA"
    Then target "ATTT-03" for unit "X-CU-JUT-CU-KNIA" is "not applicable"
    And target "TT-01" for unit "X-CU-JUT-CU-KNIA" is "met"

  Scenario: news items a week (TT-02): 48 items in 52 weeks is not met
    Given unit "TINH" reports "news_items_dts_portal" as "48"
    When the audit runs
    Then target "TT-02" is "not_met"
    And the value of target "TT-02" is "0.9/week"
    And the gap of target "TT-02" is "4"

  Scenario: wrong values are rejected, naming the field and the error code
    Given the units report:
      | unit     | metric                  | value |
      | SO-TTTT  | info_systems_totl       | 10    |
      | SO-TTTT  | info_systems_classified | 7,5   |
      | SO-TTTX  | info_systems_total      | 10    |
      | H-CU-JUT | info_systems_total      | 10    |
    When the submissions are validated
    Then unit "SO-TTTT"'s submission is rejected with an error on field "info_systems_totl"
    And unit "Department of Information and Communications"'s submission is rejected with error "F007" on field "info_systems_classified"
    And unit "SO-TTTX"'s submission is rejected with error "F001" on field "unit"
    And target "ATTT-03" for unit "SO-TTTT" is "insufficient data"

  Scenario: right values are not rejected
    Given unit "SO-TTTT" reports "info_systems_total" as "1.166"
    When the submissions are validated
    Then no submitted value is rejected

  Scenario: the command line fails an audit with a target not met
    Given the units report:
      | unit | metric                     | value             |
      | TINH | provincial_budget_spending | 7.000.000.000.000 |
      | TINH | it_spending_local_budget   | 69.999.999.999    |
    When I run "plancheck audit --fail-on not_met --lang en"
    Then the exit code is 1
    And the output contains "KP-01"
    When I run "plancheck explain KP-01 --lang en"
    Then the exit code is 0
    And the output contains "1 more"

  Scenario: the command line exits 2 on a submission with errors
    Given unit "SO-TTTT" reports "info_systems_totl" as "10"
    When I run "plancheck validate"
    Then the exit code is 2
    And the output contains "F002"
    And the output contains "did you mean `info_systems_total`?"
    And the output does not contain "Traceback"
