"""Photo specifications (IMM 5445 Step 1 Photo(s), PRC-62, PRC-63; IMM 5289 Appendix C, SP-190)."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.photos import (
    BackMarking,
    PhotoBack,
    check_online_photo,
    check_paper_photos,
    check_sponsorship_photo,
    photo_upload_step,
)
from portique.rules.reasons import Severity

APPLIED = date(2025, 6, 2)
MB = 1_000_000


def online(**overrides):
    answers = {
        "width_px": 1200,
        "height_px": 1680,
        "size_bytes": 1_500_000,
        "file_format": "JPEG",
        "taken_on": date(2025, 3, 2),
        "application_date": APPLIED,
    }
    answers.update(overrides)
    return check_online_photo(**answers)


def codes(result):
    return [r.code for r in result.reasons]


def test_AS_32_professional_jpeg_1200_by_1680_of_1_5_mb_taken_3_months_ago_is_accepted():
    result = online()
    assert result.compliant
    assert codes(result) == ["ONLINE_PHOTO_MEETS_SPECIFICATIONS"]


def test_AS_33_resolution_and_file_size_limits():
    too_small = online(width_px=700, height_px=1000)
    assert not too_small.compliant and codes(too_small) == ["PHOTO_RESOLUTION_OUT_OF_RANGE"]
    assert "700 × 1000" in too_small.reasons[0].en
    too_big = online(width_px=2100, height_px=2900)
    assert not too_big.compliant and codes(too_big) == ["PHOTO_RESOLUTION_OUT_OF_RANGE"]
    assert online(width_px=715, height_px=1000).compliant
    assert online(width_px=2000, height_px=2800).compliant
    heavy = online(size_bytes=int(4.2 * MB))
    assert not heavy.compliant and codes(heavy) == ["PHOTO_FILE_TOO_LARGE"]
    assert heavy.reasons[0].severity is Severity.WARNING
    assert "4 Mo" in heavy.reasons[0].fr


def test_four_megabytes_exactly_passes_and_one_byte_more_does_not():
    assert online(size_bytes=4 * MB).compliant
    assert not online(size_bytes=4 * MB + 1).compliant


def test_AS_34_photo_taken_13_months_before_is_not_acceptable():
    result = online(taken_on=date(2024, 5, 2))
    assert not result.compliant
    assert codes(result) == ["PHOTO_OLDER_THAN_12_MONTHS"]
    assert "2024-06-02" in result.reasons[0].en


def test_photo_taken_exactly_12_months_before_is_acceptable_and_one_day_more_is_not():
    assert online(taken_on=date(2024, 6, 2)).compliant
    assert not online(taken_on=date(2024, 6, 1)).compliant
    assert codes(online(taken_on=date(2025, 6, 3))) == ["PHOTO_DATE_AFTER_APPLICATION"]


def test_format_and_back_of_photo():
    assert online(file_format="png").compliant
    heic = online(file_format="HEIC")
    assert codes(heic) == ["PHOTO_FORMAT_NOT_ACCEPTED"] and "JPEG or PNG" in heic.reasons[0].en
    assert "JPEG ou PNG" in heic.reasons[0].fr
    assert codes(online(back_provided=False)) == ["PHOTO_BACK_MISSING"]


def test_AS_35_warned_photo_goes_on_with_confirmation_and_is_locked_after_submission():
    blocked = photo_upload_step(
        photo_compliant=False, declaration_ticked=True, confirmation_ticked=False, documents_submitted=False
    )
    assert not blocked.may_continue and [r.code for r in blocked.reasons] == ["PHOTO_CONFIRMATION_NEEDED"]
    confirmed = photo_upload_step(
        photo_compliant=False, declaration_ticked=True, confirmation_ticked=True, documents_submitted=False
    )
    assert confirmed.may_continue and confirmed.may_replace_photo
    assert [r.code for r in confirmed.reasons] == [
        "PHOTO_SUBMITTED_DESPITE_WARNING",
        "PHOTO_UPLOAD_MAY_CONTINUE",
    ]
    submitted = photo_upload_step(
        photo_compliant=False, declaration_ticked=True, confirmation_ticked=True, documents_submitted=True
    )
    assert not submitted.may_replace_photo
    assert "PHOTO_LOCKED_AFTER_SUBMISSION" in [r.code for r in submitted.reasons]


def test_declaration_must_be_ticked_even_for_a_compliant_photo():
    step = photo_upload_step(
        photo_compliant=True, declaration_ticked=False, confirmation_ticked=False, documents_submitted=False
    )
    assert not step.may_continue and [r.code for r in step.reasons] == ["PHOTO_DECLARATION_NOT_TICKED"]


def test_AS_36_paper_application_with_one_photo_is_non_compliant():
    one = check_paper_photos(
        photo_count=1,
        identical=True,
        taken_on=date(2025, 3, 2),
        application_date=APPLIED,
        in_small_envelope=True,
        name_on_envelope=True,
    )
    assert not one.compliant
    assert codes(one) == ["PAPER_PHOTOS_NOT_TWO_IDENTICAL"]
    assert "2 identical" in one.reasons[0].en
    two = check_paper_photos(
        photo_count=2,
        identical=True,
        taken_on=date(2025, 3, 2),
        application_date=APPLIED,
        in_small_envelope=True,
        name_on_envelope=True,
    )
    assert two.compliant and codes(two) == ["PAPER_PHOTOS_MEET_SPECIFICATIONS"]


def test_paper_photos_must_be_identical_and_packed_as_asked():
    result = check_paper_photos(
        photo_count=2,
        identical=False,
        taken_on=date(2025, 3, 2),
        application_date=APPLIED,
        in_small_envelope=True,
        name_on_envelope=False,
        stapled_or_clipped=True,
    )
    assert codes(result) == ["PAPER_PHOTOS_NOT_TWO_IDENTICAL", "PAPER_PHOTOS_PACKAGING"]
    assert "non identiques" in result.reasons[0].fr


GOOD_BACK = PhotoBack(True, True, True, BackMarking.STAMP)


def sponsorship(**overrides):
    answers = {
        "width_mm": Decimal(50),
        "height_mm": Decimal(70),
        "face_height_mm": Decimal(34),
        "taken_on": date(2025, 1, 15),
        "application_date": APPLIED,
        "back": GOOD_BACK,
    }
    answers.update(overrides)
    return check_sponsorship_photo(**answers)


def test_AS_37_sponsorship_photo_face_38_mm_and_sticker_label_are_not_accepted():
    assert sponsorship().compliant
    face = sponsorship(face_height_mm=Decimal(38))
    assert not face.compliant and codes(face) == ["SPONSORSHIP_PHOTO_FACE_HEIGHT"]
    assert "31 to 36 mm" in face.reasons[0].en
    sticker = sponsorship(back=PhotoBack(True, True, True, BackMarking.STICKER))
    assert not sticker.compliant and codes(sticker) == ["PHOTO_BACK_STICKER_NOT_ACCEPTED"]


def test_sponsorship_face_limits_are_inclusive_and_size_is_exact():
    assert sponsorship(face_height_mm=Decimal(31)).compliant
    assert sponsorship(face_height_mm=Decimal(36)).compliant
    assert not sponsorship(face_height_mm=Decimal("30.9")).compliant
    assert not sponsorship(face_height_mm=Decimal("36.1")).compliant
    wrong = sponsorship(width_mm=Decimal("35"), height_mm=Decimal("45"))
    assert codes(wrong) == ["SPONSORSHIP_PHOTO_SIZE"]


def test_sponsorship_back_information_age_count_and_photographer():
    missing = sponsorship(back=PhotoBack(True, False, True, BackMarking.HANDWRITTEN))
    assert codes(missing) == ["PHOTO_BACK_INFORMATION_MISSING"]
    assert codes(sponsorship(taken_on=date(2024, 5, 1))) == ["PHOTO_OLDER_THAN_12_MONTHS"]
    assert codes(sponsorship(photo_count=2)) == ["SPONSORSHIP_PHOTO_COUNT"]
    assert codes(sponsorship(professional_photographer=False)) == ["SPONSORSHIP_PHOTO_NOT_PROFESSIONAL"]


@given(
    width=st.integers(1, 4000),
    height=st.integers(1, 4000),
    size=st.integers(1, 10 * MB),
    fmt=st.sampled_from(["JPEG", "PNG", "GIF", "jpeg"]),
)
def test_online_photo_is_compliant_exactly_within_every_limit(width, height, size, fmt):
    result = online(width_px=width, height_px=height, size_bytes=size, file_format=fmt)
    within = (
        715 <= width <= 2000 and 1000 <= height <= 2800 and size <= 4 * MB and fmt.upper() in ("JPEG", "PNG")
    )
    assert result.compliant == within
    assert all(r.severity is Severity.WARNING for r in result.reasons) != within
