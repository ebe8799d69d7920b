"""Between the entry page's forms and the services: initial values as the page shows them,
the cleaned rows a save takes, and the live preview of one row."""

from dataclasses import replace
from decimal import Decimal

from kinerja import rules

from .forms import NARASI, RealisasiForm, sidik
from .models import Realisasi
from .services import IsianAnggaran, IsianBaris


def _tampil(nilai):
    return rules.format_angka(nilai, desimal=None) if isinstance(nilai, Decimal) else nilai


def awal_realisasi(form, realisasi):
    """Fill an unbound row form with the stored realisation, written the Indonesian way, and
    the version and fingerprint a later save is checked against."""
    r = realisasi
    nilai = {
        "nilai": r.nilai if r else None,
        "pembilang": r.pembilang if r else None,
        "penyebut": r.penyebut if r else None,
        "tingkat": str(r.tingkat_id) if r and r.tingkat_id else "",
        **{n: getattr(r, n) if r else "" for n in NARASI},
    }
    aktif = {f: (nilai[f] if f in form.fields else None) for f in form.FIELD_NILAI}
    form.initial = {
        **{f: _tampil(v) for f, v in aktif.items() if f in form.fields},
        "versi": r.versi if r else 0,
        "asal": sidik(aktif),
    }


def awal_anggaran(form, realisasi):
    nilai = realisasi.nilai if realisasi else None
    form.initial = {
        "nilai": rules.format_angka(nilai, 0) if nilai is not None else "",
        "versi": realisasi.versi if realisasi else 0,
        "asal": sidik({"nilai": nilai}),
    }


def data_baris(data, prefix):
    """The data a row's form is bound to: `data` when it holds the row, else None. A browser
    with JavaScript sends only the rows the operator changed (static/js/isian.js); a row whose
    version field is absent was not sent: left as stored, not validated, shown from the store."""
    return data if data is not None and f"{prefix}-versi" in data else None


def isian_dari_form(halaman):
    """The validated rows a page sent, as the save service takes them."""
    baris = [
        IsianBaris(
            indikator=b.indikator,
            data=b.form.nilai_bersih(),
            versi=b.form.cleaned_data["versi"],
            diubah=b.form.diubah(),
        )
        for b in halaman.baris
        if b.form.is_bound
    ]
    anggaran = [
        IsianAnggaran(
            sub_kegiatan=a.sub_kegiatan,
            nilai=a.form.cleaned_data["nilai"],
            versi=a.form.cleaned_data["versi"],
            diubah=a.form.diubah(),
        )
        for a in halaman.anggaran
        if a.form.is_bound
    ]
    return baris, anggaran


def isian_setelah_bentrok(dikirim, segar, data):
    """The page to show after a save refused for someone else's saves: the rows the operator
    changed keep their typing, now against the versions stored (saving once more keeps them,
    knowingly, over the other person's); every other row shows what is stored now, so that a
    second save cannot put back the old values of rows the operator never touched."""
    data = data.copy()
    diubah = {b.form.prefix for b in [*dikirim.baris, *dikirim.anggaran] if b.form.is_valid() and b.form.diubah()}
    for b in [*segar.baris, *segar.anggaran]:
        awal = b.form.initial
        nama = awal if b.form.prefix not in diubah else ("versi", "asal")
        for field in nama:
            data[f"{b.form.prefix}-{field}"] = "" if awal[field] is None else awal[field]
    return data


def _realisasi_diketik(baris, form, halaman):
    """The quarter's realisation as typed in a valid row form (not saved)."""
    data = form.cleaned_data
    return Realisasi(
        indikator=baris.indikator,
        tahun=halaman.tahun,
        triwulan=halaman.triwulan,
        nilai=data.get("nilai"),
        pembilang=data.get("pembilang"),
        penyebut=data.get("penyebut"),
        tingkat=next((t for t in baris.tingkatan if str(t.pk) == data.get("tingkat")), None),
    )


def hitung_seperti_diketik(halaman):
    """When a page comes back unsaved (an error, a conflict), its figures follow what was typed,
    as the live preview showed them: each valid row's value so far, capaian and predikat, and
    each sub kegiatan's spending so far and serapan."""
    for b in halaman.baris:
        if b.form.is_valid():
            b.kinerja = halaman.hitung(b, _realisasi_diketik(b, b.form, halaman))
    for a in halaman.anggaran:
        if a.form.is_valid():
            a.ganti_nilai_ini(a.form.cleaned_data["nilai"])


def pratinjau_baris(baris, data, halaman):
    """Context of the preview fragment: the row's value so far, capaian and predikat as typed
    (or the validation messages), computed by the same rules as everything else."""
    prefix = f"r{baris.indikator.pk}"
    data = data.copy()
    data.setdefault(f"{prefix}-versi", "0")  # the version matters to a save only
    form = RealisasiForm(data, prefix=prefix, indikator=baris.indikator, tingkatan=baris.tingkatan)
    if not form.is_valid():
        galat = [e for daftar in form.errors.values() for e in daftar]
        return {"baris": baris, "halaman": halaman, "galat_pratinjau": galat}
    kinerja = halaman.hitung(baris, _realisasi_diketik(baris, form, halaman))
    return {"baris": replace(baris, kinerja=kinerja), "halaman": halaman}
