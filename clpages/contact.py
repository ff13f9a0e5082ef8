"""How the library's phone number and currency are checked, and how a phone number is dialled."""

import re

from django.core.exceptions import ValidationError

# What people write in a phone number: digits, spaces, a leading +, dashes and brackets.
_PHONE = re.compile(r"\+?[0-9 ()\-]+")
# The shortest numbers patrons dial are three digits; E.164 allows fifteen, and a national
# prefix or a written-out trunk code may add a few.
PHONE_MIN_DIGITS = 3
PHONE_MAX_DIGITS = 20


def phone_digits(value):
    return "".join(char for char in value if char.isdigit())


def validate_phone(value):
    value = value.strip()
    if not _PHONE.fullmatch(value):
        raise ValidationError(
            "Write the phone number with digits, spaces, a + at the start, dashes and brackets "
            "only, for example +1 555-555-0100 or (555) 555-0100.",
            code="phone_characters",
        )
    if not PHONE_MIN_DIGITS <= len(phone_digits(value)) <= PHONE_MAX_DIGITS:
        raise ValidationError(
            f"A phone number has between {PHONE_MIN_DIGITS} and {PHONE_MAX_DIGITS} digits. "
            "Please check the number.",
            code="phone_length",
        )


def tel_href(phone):
    """The ``tel:`` link of a phone number as written, e.g. "+1 (555) 555-0100" -> "tel:+15555550100".

    Only digits and a leading + are kept: phones dial these, and the visual separators of
    RFC 3966 are read differently by some dialers.
    """
    phone = (phone or "").strip()
    digits = phone_digits(phone)
    if not digits:
        return ""
    return f"tel:{'+' if phone.startswith('+') else ''}{digits}"


# Active ISO 4217 codes of currencies in circulation (the list of 2025: XCG replaced ANG, ZWG
# replaced ZWL, SLE replaced SLL). Fund, precious-metal and testing codes (XAU, XTS, XXX...) are
# left out: no library prices a program in them.
CURRENCY_CODES = frozenset(
    """
    AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
    BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
    GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF
    KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN
    MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD
    SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH
    UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
    """.split()
)


CURRENCY_MESSAGE = "Enter the three-letter ISO 4217 code of a currency, for example CAD, USD, EUR or GBP."


def validate_currency(value):
    if (value or "").strip().upper() not in CURRENCY_CODES:
        raise ValidationError(CURRENCY_MESSAGE, code="currency")
