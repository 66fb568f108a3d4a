"""Table-driven tests: every detector, positive and negative rows."""

import pytest

from classifiers.identifiers import default_registry, redact
from classifiers.identifiers.addresses import StreetAddressRecognizer
from classifiers.identifiers.ages import OldAgeRecognizer
from classifiers.identifiers.dates import CareDateRecognizer
from classifiers.identifiers.devices import DeviceSerialRecognizer
from classifiers.identifiers.email import EmailRecognizer
from classifiers.identifiers.employers import EmployerSchoolRecognizer
from classifiers.identifiers.encounter import (
    EncounterPlaceRecognizer,
    EncounterTimeRecognizer,
    PatientAgeRecognizer,
)
from classifiers.identifiers.media import PatientMediaRecognizer
from classifiers.identifiers.names import PersonNameRecognizer
from classifiers.identifiers.network import IpAddressRecognizer
from classifiers.identifiers.phones import PhoneFaxRecognizer
from classifiers.identifiers.places import TownZipRecognizer
from classifiers.identifiers.record_numbers import RecordNumberRecognizer
from classifiers.identifiers.rooms import RoomBedRecognizer
from classifiers.identifiers.ssn import SsnRecognizer
from classifiers.identifiers.vehicles import VehicleRecognizer
from classifiers.identifiers.web import SocialHandleRecognizer, UrlRecognizer

ROWS = [
    # (recognizer, text, expected matched substrings)
    (PersonNameRecognizer, "Mrs. Alvarez was so sweet today", ["Alvarez"]),
    (PersonNameRecognizer, "my patient John Carter coded twice", ["John Carter"]),
    (PersonNameRecognizer, "pt J.D. admitted overnight", ["J.D."]),
    (PersonNameRecognizer, "Patients with diabetes should check their feet", []),
    (PersonNameRecognizer, "Happy Nurses Week to the whole team!", []),
    (CareDateRecognizer, "DOB 1/2/1931, lovely lady", ["1/2/1931"]),
    (CareDateRecognizer, "she was admitted 03/14 with chest pain", ["03/14"]),
    (CareDateRecognizer, "ingresó el 14 de marzo por urgencias", ["14 de marzo"]),
    (CareDateRecognizer, "Flu clinic hours are 24/7 this week", []),
    (CareDateRecognizer, "Conference on March 14 in Denver, see you there", []),
    (CareDateRecognizer, "Store opens 03/14, education day 03/15", []),  # "op", "ed": whole words only
    (CareDateRecognizer, "pt seen in the ED 03/14", ["03/14"]),
    (OldAgeRecognizer, "my 93 y/o with a hip fracture", ["93 y/o"]),
    (OldAgeRecognizer, "a 101-year-old walked out today", ["101-year-old"]),
    (OldAgeRecognizer, "a 67 y/o with chest pain", []),
    (RoomBedRecognizer, "the lady in bed 3 keeps pressing the call light", ["3"]),
    (RoomBedRecognizer, "rm 412B again", ["412B"]),
    (RoomBedRecognizer, "la señora de la cama 5", ["5"]),
    (RoomBedRecognizer, "we had 3 beds open and 12 rooms cleaned", []),
    (RecordNumberRecognizer, "MRN 00482913 keeps bouncing back", ["00482913"]),
    (RecordNumberRecognizer, "Acct# A-7731 still owes", ["A-7731"]),
    (RecordNumberRecognizer, "expediente 44812", ["44812"]),
    (RecordNumberRecognizer, "our account team is great", []),
    (PhoneFaxRecognizer, "call her at (555) 201-8873", ["(555) 201-8873"]),
    (PhoneFaxRecognizer, "fax +44 7700 900123", ["+44 7700 900123"]),
    (PhoneFaxRecognizer, "gave 1,200 flu shots in 2024", []),
    (EmailRecognizer, "email jdoe@gmail.com for the records", ["jdoe@gmail.com"]),
    (EmailRecognizer, "follow @drsmith for tips", []),
    (SsnRecognizer, "ssn 123-45-6789 on the form", ["123-45-6789"]),
    (SsnRecognizer, "code 000-12-3456 is not a real one", []),
    (StreetAddressRecognizer, "lives at 42 Elm St with her cats", ["42 Elm St"]),
    (StreetAddressRecognizer, "took 3 Advil yesterday", []),
    (TownZipRecognizer, "she lives in Millbrook and came in today", ["Millbrook"]),
    (TownZipRecognizer, "zip 10472 pt again", ["10472"]),
    (TownZipRecognizer, "the crash on Route 9 tonight", ["Route 9"]),
    (TownZipRecognizer, "pileup on US95 tonight, pt in the ICU", ["US95"]),
    (TownZipRecognizer, "I love living in this city", []),
    (EmployerSchoolRecognizer, "pt works at the Walmart on Main", ["Walmart"]),
    (EmployerSchoolRecognizer, "the kid is a junior at Lincoln High, admitted", ["Lincoln High"]),
    (EmployerSchoolRecognizer, "I work at a great hospital", []),
    (UrlRecognizer, "her gofundme www.gofundme.com/help-jake after the surgery", ["www.gofundme.com/help-jake"]),
    (UrlRecognizer, "no links here", []),
    (SocialHandleRecognizer, "@jen_runs dmed me about her biopsy", ["@jen_runs"]),
    (SocialHandleRecognizer, "shoutout to @stanfordmed for the talk", []),
    (IpAddressRecognizer, "logged in from 10.0.3.7 to the portal", ["10.0.3.7"]),
    (IpAddressRecognizer, "version 10.300.3.7 released", []),
    (VehicleRecognizer, "plate 7KJM203 in the ambulance bay", ["7KJM203"]),
    (VehicleRecognizer, "tag your friends below", []),
    (DeviceSerialRecognizer, "pacemaker SN: PX-22019-B", ["PX-22019-B"]),
    (DeviceSerialRecognizer, "serial killers documentary tonight", []),
    (PatientMediaRecognizer, "pic from the OR today", ["pic"]),
    (PatientMediaRecognizer, "video of the patient dancing", ["video"]),
    (PatientMediaRecognizer, "new video on how to read a nutrition label", []),
    (EncounterTimeRecognizer, "a guy came in tonight with a fork in his hand", ["tonight"]),
    (EncounterTimeRecognizer, "tonight I am grateful for my team", []),
    (EncounterPlaceRecognizer, "34 y/o came into our ED with a nail gun injury", ["our ED"]),
    (EncounterPlaceRecognizer, "our ED is hiring nurses", []),
    (PatientAgeRecognizer, "a 34 y/o with chest pain", ["34 y/o"]),
    (PatientAgeRecognizer, "screening starts at 45", []),
]


@pytest.mark.parametrize(("recognizer", "text", "expected"), ROWS,
                         ids=[f"{r[0].__name__}-{i}" for i, r in enumerate(ROWS)])
def test_recognizer_rows(recognizer, text, expected):
    found = [text[s.start:s.end] for s in recognizer().analyze(text)]
    assert sorted(set(found)) == sorted(expected)


def test_every_registered_recognizer_has_rows():
    tested = {row[0] for row in ROWS}
    assert {type(r) for r in default_registry().recognizers} <= tested


def test_context_words_raise_the_score():
    phone = PhoneFaxRecognizer()
    bare = phone.analyze("555-201-8873")[0].score
    near = phone.analyze("call 555-201-8873")[0].score
    assert near > bare


def test_when_mrn_near_bed_number_then_redacted_with_placeholders():
    text = "Mrs. Alvarez in bed 3, MRN 00482913, DOB 1/2/1931"
    out = redact(text, default_registry().analyze(text))
    assert out == "Mrs. [NAME] in bed [ROOM], MRN [ID NUMBER], DOB [DATE]"


def test_a_word_cut_at_the_context_window_edge_is_not_context():
    """Context is looked for around a match in the whole text, so "outpatients" is not "patients"."""
    recognizer = CareDateRecognizer()
    text = "outpatients" + " " * 52 + "03/14"
    start = text.index("03/14")
    assert not recognizer.has_context(text, start, start + 5)
    assert recognizer.has_context("patients" + " " * 52 + "03/14", 60, 65)
