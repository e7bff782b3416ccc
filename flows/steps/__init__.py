"""The step library: every step type by name (the `type` of a step in a definition)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from flows.steps.base import ActionContext, Invalid, Param, StepResult, StepType
from flows.steps.biometrics import FaceVerify, FingerprintCapture, PhotoCapture
from flows.steps.choice import Choice, Notice
from flows.steps.entry import AddressEntry, FormFill, IdentityEntry, PhoneEntry
from flows.steps.identity import ReadIdCard
from flows.steps.opinion import Feedback, Rating
from flows.steps.pages import InfoPages, Summary
from flows.steps.payment import Payment
from flows.steps.pickup import LockerPickup, PickupLookup
from flows.steps.printing import Print
from flows.steps.records import Record, SubmitApplication, TakeTicket
from flows.steps.sms import SmsCode

_ALL = (Choice, Notice, IdentityEntry, PhoneEntry, AddressEntry, FormFill, Summary, InfoPages, Rating, Feedback,
        ReadIdCard, PhotoCapture, FaceVerify, FingerprintCapture, SmsCode, Payment, SubmitApplication,
        TakeTicket, Record, Print, PickupLookup, LockerPickup)

STEP_TYPES: Mapping[str, StepType] = MappingProxyType({cls.name: cls() for cls in _ALL})

__all__ = ["STEP_TYPES", "ActionContext", "Invalid", "Param", "StepResult", "StepType"]
