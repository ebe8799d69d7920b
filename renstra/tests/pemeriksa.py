"""Helpers to prove that the database and model validation both reject bad data."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


def ditolak_database(obj):
    """Saving `obj` without validation must fail in the database itself."""
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def pesan_validasi(obj):
    """The messages `full_clean()` gives for `obj` (which must be invalid), as one string."""
    with pytest.raises(ValidationError) as galat:
        obj.full_clean()
    return " | ".join(galat.value.messages)
