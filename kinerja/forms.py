"""Forms of the quarterly entry and the workflow. Numbers are text fields read by
rules.parse_angka (never Django's localized decimal input, which under the `id` locale reads
"0.125" as 0125)."""

import hashlib
import json
from decimal import Decimal
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

from kinerja import rules
from renstra.models import Indikator

from .models import CatatanDiskusi, Realisasi, TindakLanjut

NARASI = Realisasi.NARASI


class AngkaField(forms.CharField):
    """A number typed the Indonesian way (1.234,5); None when empty. `digit` and `desimal` are
    the column's room: digits before the comma and after it."""

    def __init__(self, *args, tidak_negatif=False, digit=11, desimal=4, **kwargs):
        self.tidak_negatif, self.digit, self.desimal = tidak_negatif, digit, desimal
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        try:
            angka = rules.parse_angka(super().to_python(value))
        except rules.AngkaTidakValid as e:
            raise forms.ValidationError(str(e), code="bukan_angka") from e
        if angka is None:
            return None
        if self.tidak_negatif and angka < 0:
            raise forms.ValidationError("Tidak boleh negatif.", code="negatif")
        if abs(angka) >= Decimal(10) ** self.digit:
            raise forms.ValidationError(
                f"Angka terlalu besar: paling banyak {self.digit} digit sebelum koma.", code="terlalu_besar"
            )
        if angka.normalize().as_tuple().exponent < -self.desimal:
            raise forms.ValidationError(self.pesan_desimal(), code="desimal")
        return angka

    def pesan_desimal(self):
        return f"Paling banyak {self.desimal} angka di belakang koma."


class RupiahField(AngkaField):
    """Whole rupiah, not negative (Rp 5.419.900)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, tidak_negatif=True, digit=15, desimal=0, **kwargs)
        self.widget.attrs["inputmode"] = "numeric"

    def pesan_desimal(self):
        return "Rupiah ditulis tanpa sen, mis. 5.419.900."

    def to_python(self, value):
        angka = super().to_python(value)
        return None if angka is None else int(angka)


def teks_rapi(teks):
    """Text as stored: line breaks as LF (browsers send CR LF), no surrounding blanks."""
    return teks.replace("\r\n", "\n").strip()


def _baku(nilai):
    if isinstance(nilai, Decimal):
        return f"{nilai.normalize():f}"
    return teks_rapi(nilai) if isinstance(nilai, str) else nilai


def sidik(data):
    """A short fingerprint of a row's values, sent with the page: a save changes only the rows
    whose values the operator changed, and checks their version only."""
    teks = json.dumps({k: _baku(v) for k, v in data.items()}, sort_keys=True, default=str)
    return hashlib.sha256(teks.encode()).hexdigest()[:16]


class BarisForm(forms.Form):
    """Common to the rows of indicators and budgets: the version and fingerprint shown."""

    versi = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)
    asal = forms.CharField(widget=forms.HiddenInput, required=False)

    FIELD_NILAI = ()

    def nilai_bersih(self):
        return {f: self.cleaned_data.get(f) for f in self.FIELD_NILAI}

    def diubah(self):
        return sidik(self.nilai_bersih()) != self.cleaned_data.get("asal")

    @property
    def belum_tersimpan(self):
        """Shown with values that differ from the store (a refused save shows them again, or
        invalid ones): the browser sends the row again even when it is not touched since."""
        return self.is_bound and (not self.is_valid() or self.diubah())


class RealisasiForm(BarisForm):
    """One indicator's realisation for the quarter and its narrative."""

    FIELD_NILAI = ("nilai", "pembilang", "penyebut", "tingkat", *NARASI)

    nilai = AngkaField(label="Realisasi")
    # Components may be rupiah (the ARG of PUG: 527.091.670.494 / 1.194.818.506.736).
    pembilang = AngkaField(label="Pembilang", tidak_negatif=True, digit=13, desimal=2)
    penyebut = AngkaField(label="Penyebut", tidak_negatif=True, digit=13, desimal=2)
    tingkat = forms.ChoiceField(label="Tingkatan", required=False)
    rencana_aksi = forms.CharField(label="Rencana aksi", required=False, max_length=4000, widget=forms.Textarea)
    permasalahan = forms.CharField(label="Permasalahan", required=False, max_length=4000, widget=forms.Textarea)
    tindak_lanjut = forms.CharField(
        label="Tindak lanjut / upaya", required=False, max_length=4000, widget=forms.Textarea
    )
    keterangan = forms.CharField(label="Keterangan", required=False, max_length=4000, widget=forms.Textarea)

    def __init__(self, *args, indikator, tingkatan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        if indikator.jenis == Indikator.Jenis.KUALITATIF:
            self.fields["tingkat"].choices = [("", "—"), *((str(t.pk), t.nama) for t in tingkatan)]
            del self.fields["nilai"], self.fields["pembilang"], self.fields["penyebut"]
        else:
            del self.fields["tingkat"]
            if indikator.berumus:
                del self.fields["nilai"]
                self.fields["pembilang"].label = indikator.pembilang
                self.fields["penyebut"].label = indikator.penyebut
            else:
                del self.fields["pembilang"], self.fields["penyebut"]
        for nama in NARASI:
            self.fields[nama].widget.attrs["rows"] = 2

    def clean_nilai(self):
        """A count (orang, dokumen…) is whole unless its indicator allows fractions."""
        nilai = self.cleaned_data["nilai"]
        if pesan := self.indikator.pesan_pecahan(nilai, rules.format_angka):
            raise forms.ValidationError(pesan, code="pecahan")
        return nilai

    def nilai_bersih(self):
        data = {f: self.cleaned_data.get(f) if f in self.fields else None for f in self.FIELD_NILAI}
        return data | {n: teks_rapi(data[n] or "") for n in NARASI}

    def clean(self):
        data = super().clean()
        if self.indikator.berumus:
            a, b = data.get("pembilang"), data.get("penyebut")
            if (a is None) != (b is None):
                self.add_error("penyebut" if b is None else "pembilang", "Isi pembilang dan penyebut bersama-sama.")
            elif b == 0 and a and a > 0:
                self.add_error("penyebut", "Penyebut 0 sedangkan pembilang lebih dari 0.")
        return data


class AnggaranForm(BarisForm):
    """A sub kegiatan's spending in the quarter."""

    FIELD_NILAI = ("nilai",)

    nilai = RupiahField(label="Realisasi keuangan (Rp)")


class CatatanForm(forms.Form):
    """A reviewer's note. Its length is counted as the browser counts it under `maxlength` (a
    line break is one character; browsers send it as CR LF)."""

    BATAS = 4000

    catatan = forms.CharField(
        label="Catatan untuk operator",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": BATAS}),
    )

    def clean_catatan(self):
        catatan = self.cleaned_data["catatan"]
        panjang = len(catatan.replace("\r\n", "\n"))
        if panjang > self.BATAS:
            raise forms.ValidationError(
                f"Catatan terlalu panjang: {rules.format_angka(panjang, 0)} karakter; "
                f"paling banyak {rules.format_angka(self.BATAS, 0)} karakter.",
                code="terlalu_panjang",
            )
        return catatan


class AlasanForm(forms.Form):
    alasan = forms.CharField(label="Alasan membuka kembali", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


# Evidence files: extension → the first bytes a real file of that kind starts with.
JENIS_DATA_DUKUNG = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".xlsx": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
}
TIPE_KONTEN = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _mb(ukuran):
    """A size in bytes as megabytes with one decimal, the Indonesian way ("1,1")."""
    return rules.format_angka(Decimal(ukuran) / 1024 / 1024, 1)


def periksa_data_dukung(berkas):
    """Refuse an evidence file of a kind outside JENIS_DATA_DUKUNG, over
    KINERJA_UKURAN_DATA_DUKUNG_MB, or whose first bytes are not those of its kind; the message
    names the file. Used by the entry page and the admin alike."""
    akhiran = PurePath(berkas.name).suffix.lower()
    if akhiran not in JENIS_DATA_DUKUNG:
        raise forms.ValidationError(
            f'"{berkas.name}" tidak dapat diunggah: yang diterima PDF, gambar (PNG, JPG), XLSX dan DOCX.'
        )
    batas = settings.KINERJA_UKURAN_DATA_DUKUNG_MB
    if berkas.size > batas * 1024 * 1024:
        raise forms.ValidationError(f'"{berkas.name}" berukuran {_mb(berkas.size)} MB; paling besar {batas} MB.')
    awal = berkas.read(8)
    berkas.seek(0)
    if not any(awal.startswith(tanda) for tanda in JENIS_DATA_DUKUNG[akhiran]):
        raise forms.ValidationError(f'"{berkas.name}" bukan berkas {akhiran[1:].upper()} yang sah.')


class DataDukungForm(forms.Form):
    berkas = forms.FileField(label="Data dukung")

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        periksa_data_dukung(berkas)
        return berkas


class ImporForm(forms.Form):
    """An upload of a workbook: its format, the agency and year it is for, the file."""

    format = forms.ChoiceField(label="Format tabel")
    opd = forms.ModelChoiceField(
        label="Perangkat daerah",
        queryset=None,
        required=False,
        empty_label="Perangkat daerah baru dari berkas (Renstra lengkap)",
        error_messages={"invalid_choice": "Pilih perangkat daerah."},
    )
    tahun = forms.IntegerField(
        label="Tahun",
        min_value=2000,
        max_value=2100,
        error_messages={
            "min_value": "Tahun harus antara 2000 dan 2100.",
            "max_value": "Tahun harus antara 2000 dan 2100.",
        },
    )
    berkas = forms.FileField(label="Berkas .xlsx", error_messages={"required": "Pilih berkas .xlsx yang akan diimpor."})

    def __init__(self, *args, pilihan_format, opd, format_dari_berkas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = pilihan_format
        self.fields["opd"].queryset = opd
        # formats whose workbook names (and may create) its agency: the agency may be left empty
        self.format_dari_berkas = set(format_dari_berkas) & {k for k, _ in pilihan_format}
        if not self.format_dari_berkas:
            self.fields["opd"].required = True
            self.fields["opd"].empty_label = "---------"
            self.fields["opd"].error_messages["required"] = "Pilih perangkat daerah."

    def clean(self):
        data = super().clean()
        if not data.get("opd") and "opd" not in self.errors and data.get("format") not in self.format_dari_berkas:
            self.add_error(
                "opd",
                "Pilih perangkat daerah: hanya buku kerja Renstra lengkap yang membuat perangkat "
                "daerah baru dari berkasnya.",
            )
        return data

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if PurePath(berkas.name).suffix.lower() != ".xlsx":
            raise forms.ValidationError(
                f'"{berkas.name}" bukan berkas .xlsx. Simpan tabelnya sebagai buku kerja Excel (.xlsx).'
            )
        batas = settings.KINERJA_UKURAN_IMPOR_MB
        if berkas.size > batas * 1024 * 1024:
            raise forms.ValidationError(
                f'"{berkas.name}" berukuran {_mb(berkas.size)} MB; paling besar {batas} MB. '
                "Pisahkan per bidang atau per lembar."
            )
        return berkas


class _NamaPenggunaTerbatas:
    """Django's log-in forms announce the user name's maximum length but do not enforce it: a
    longer name went on to authenticate(), and django-axes failed to record it in its
    255-character column (an error 500 on PostgreSQL). Here it is refused like a wrong password,
    before any account is looked up."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class FormMasuk(_NamaPenggunaTerbatas, AuthenticationForm):
    pass


class FormMasukAdmin(_NamaPenggunaTerbatas, AdminAuthenticationForm):
    pass


# --- the discussion of a submission (kinerja/diskusi.py checks the rest) --------------------


class DiskusiForm(forms.Form):
    """A note on a submission, or an answer to one. The service checks who may write which kind,
    the indicator's unit and the answered note's submission; the templates draw the choices."""

    isi = forms.CharField(
        label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 3, "maxlength": CatatanForm.BATAS})
    )
    jenis = forms.ChoiceField(
        label="Jenis",
        required=False,
        choices=[("", "Catatan"), *((j.value, j.label) for j in CatatanDiskusi.Jenis if j != "keputusan")],
        error_messages={"invalid_choice": "Jenis catatan tidak dikenal."},
    )
    indikator = forms.ModelChoiceField(
        label="Indikator",
        required=False,
        queryset=Indikator.objects.select_related("renstra__opd"),
        error_messages={"invalid_choice": "Indikator tidak dikenal."},
    )
    menjawab = forms.ModelChoiceField(
        label="Catatan yang dijawab",
        required=False,
        queryset=CatatanDiskusi.objects.all(),
        error_messages={"invalid_choice": "Catatan yang dijawab tidak ditemukan."},
    )

    def clean_jenis(self):
        return self.cleaned_data["jenis"] or CatatanDiskusi.Jenis.CATATAN


class TindakLanjutForm(forms.Form):
    status = forms.ChoiceField(
        label="Status tindak lanjut",
        choices=TindakLanjut.Status.choices,
        error_messages={"required": "Pilih status.", "invalid_choice": "Status tindak lanjut tidak dikenal."},
    )
    catatan = forms.CharField(
        label="Catatan tindak lanjut",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": CatatanForm.BATAS}),
    )


def pesan_form(form):
    """A refused form's errors as one message naming each field ("Status tindak lanjut: ...")."""
    return " ".join(
        f"{form.fields[nama].label if nama in form.fields else 'Isian'}: {' '.join(pesan)}"
        for nama, pesan in form.errors.items()
    )
