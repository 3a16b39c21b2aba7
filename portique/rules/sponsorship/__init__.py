"""Sponsorship of a spouse, common-law or conjugal partner, or dependent child (IMM 5289).

Rules SP-xx of the rules digest, section 5 (seed 003), as pure functions:

- ``eligibility``: who may sponsor, the bars, suspension, the IMM 1344 Q1 choice;
- ``relationships``: spouse, common-law partner, conjugal partner, who the kit is for;
- ``categories``: family class or spouse/common-law in Canada class, the 2005 public policy;
- ``dependants``: dependent child types A/B/C, lock-in date, Canadian-citizen children;
- ``undertaking``: how long the undertaking lasts, what does not end it, withdrawal;
- ``income``: when the minimum necessary income applies, Quebec, what counts as income;
- ``criminality``: Table 1 rehabilitation and record suspensions;
- ``police``: police certificates and the medical exam deadline;
- ``forms``: forms each person completes and who signs, IMM 5476, IRM 0002;
- ``filling``: IMM 0008 filling conventions (unknown dates, missing names, interpreter, CSQ);
- ``evidence``: communication evidence, marriage proof, passports, PR visa validity,
  IMM 5604, family declaration, translations;
- ``completeness``: checklist completeness and returned applications.

Submodules are imported by name (``from portique.rules.sponsorship.eligibility import
assess_sponsor``); nothing is re-exported here so that importing one rule does not
load them all.
"""
