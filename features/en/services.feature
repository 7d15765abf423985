Feature: DVC-03 and XHS-07 — "over 60%" is strict, "per 100 inhabitants" reads as a rate
  Plan 231/QĐ-UBND, Part II, II.1: "100% of eligible procedures offered as level-4 online services;
  of which over 60% (trên 60%) integrated on the National Public Service Portal". "Trên" is strictly
  greater: exactly 60% does not meet it.

  Background:
    Given the bundled rule pack

  Scenario: exactly 60% does not meet "over 60%"
    Given unit "SO-TTTT" reports "online_services_level4" as "50"
    And unit "SO-TTTT" reports "online_services_level4_national" as "30"
    When the audit runs
    Then target "DVC-03" for unit "SO-TTTT" is "not met"

  Scenario: one more service on the national portal meets it
    Given unit "SO-TTTT" reports "online_services_level4" as "50"
    And unit "SO-TTTT" reports "online_services_level4_national" as "31"
    When the audit runs
    Then target "DVC-03" for unit "SO-TTTT" is "met"

  Scenario Outline: mobile broadband subscriptions per 100 inhabitants (XHS-07, at least 70)
    Given the units report:
      | unit | metric                         | value           |
      | TINH | population                     | 650.000         |
      | TINH | mobile_broadband_subscriptions | <subscriptions> |
    When the audit runs
    Then target "XHS-07" is "<verdict>"
    And the value of target "XHS-07" is "<shown>"

    Examples:
      | subscriptions | verdict | shown     |
      | 455.000       | met     | 70.0/100  |
      | 342.550       | not met | 52.7/100  |

  Scenario: the gap is counted in the plan's units
    Given the units report:
      | unit | metric                         | value   |
      | TINH | population                     | 650.000 |
      | TINH | mobile_broadband_subscriptions | 342.550 |
    When the audit runs
    Then the gap of target "XHS-07" is "112.450"
