"""Bringing the database in line with what a file describes: each object is created, updated
or left alone; every new or changed object is validated before anything is written; writing
happens model by model in bulk (with history rows where the model keeps history).

Uniqueness is the importer's own business (it keys every object on its natural key), so the
per-object uniqueness and constraint queries of `full_clean()` are skipped; the database still
enforces them.
"""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models.expressions import DatabaseDefault
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from kinerja.models import Pelaporan
from kinerja.models.jejak import Versi
from kinerja.models.pelaporan import StatusPelaporan
from kinerja.versi import kunci_versi, pesan_bentrok, tandai, versi_tersimpan
from renstra.models import Indikator, SumberDana

from . import judul as judul_modul
from .hasil import DIBUAT, DIUBAH, TETAP, Masalah
from .sel import sama_teks, teks
from .sisip import sisip_baru

UKURAN_BATCH = 500
SUMBER_DANA_BAWAAN = "APBD Kabupaten"
# The values a new object is listed with in the preview (its name says the rest).
MEDAN_ISI = ("nilai", "batas_bawah", "batas_atas", "tingkat", "indikatif", "induk", "perubahan", "satuan")


def pelaporan_terkunci(opd, tahun):
    """(bidang id or None, quarter) → the submission of that unit and quarter that is submitted or
    verified: its values are not changed by an import."""
    return {
        (p.bidang_id, p.triwulan): p
        for p in Pelaporan.objects.filter(
            opd=opd, tahun=tahun, status__in=(StatusPelaporan.DIAJUKAN, StatusPelaporan.DIVERIFIKASI)
        )
    }


def indikator_per_pemilik(renstra, *select_related):
    """(level, owner id, description folded) → indicator, for the programme, kegiatan and sub
    kegiatan indicators of a Renstra (what a workbook row names)."""
    peta = {}
    for ind in Indikator.objects.filter(renstra=renstra).select_related(*select_related):
        pemilik = ind.program_id or ind.kegiatan_id or ind.sub_kegiatan_id
        if pemilik and not (ind.tujuan_id or ind.sasaran_id):
            peta[(ind.level, pemilik, teks(ind.uraian).casefold())] = ind
    return peta


def _sama(lama, baru):
    if isinstance(lama, models.Model) or isinstance(baru, models.Model):
        if lama is None or baru is None:
            return lama is baru
        if lama.pk is None or baru.pk is None:
            return lama is baru
        return type(lama) is type(baru) and lama.pk == baru.pk
    return lama == baru


def _ada_riwayat(model):
    return hasattr(model, "history")


def _judul(judul, obj):
    if callable(judul):
        return judul()
    return judul or judul_modul.bawaan(obj)


def _isi(model, nilai):
    """[field, value] of a new object's values that its name does not already say."""
    isi = []
    for f in MEDAN_ISI:
        if nilai.get(f) not in (None, ""):
            medan = model._meta.get_field(f)
            isi.append([judul_modul.label(medan), judul_modul.nilai(medan, nilai[f])])
    return isi


class Pemeriksa:
    """The checks of `full_clean()` without foreign keys, uniqueness and constraints (see the
    module's doc), for the many objects of one import: each field's value is cleaned as
    `clean_fields` does, once per distinct value of that field (a file repeats its years, kinds
    and numbers thousands of times), and the model's `clean()` runs for every object. The
    errors, and so the messages, are those `full_clean` raises."""

    def __init__(self):
        self._medan = {}  # model → its fields to clean, or None when it overrides clean_fields
        self._bersih = {}  # (field, type, value) → the cleaned value

    def _medan_model(self, model):
        if model not in self._medan:
            timpa = model.clean_fields is not models.Model.clean_fields
            self._medan[model] = (
                None if timpa else [f for f in model._meta.fields if not f.is_relation and not f.generated]
            )
        return self._medan[model]

    def _bersihkan(self, f, nilai, obj):
        # a Decimal is keyed by its digits: 1.0 and 1.000 are equal but not equally valid
        kunci = (f, type(nilai), nilai.as_tuple() if isinstance(nilai, Decimal) else nilai)
        try:
            return self._bersih[kunci]
        except KeyError:
            bersih = self._bersih[kunci] = f.clean(nilai, obj)
            return bersih
        except TypeError:  # an unhashable value: cleaned every time
            return f.clean(nilai, obj)

    def periksa(self, obj):
        """Raise ValidationError as `obj.full_clean(exclude=foreign keys, validate_unique=False,
        validate_constraints=False)` would."""
        model = type(obj)
        medan = self._medan_model(model)
        galat = {}
        if medan is None:
            try:
                obj.clean_fields(exclude={f.name for f in model._meta.concrete_fields if f.is_relation})
            except ValidationError as e:
                galat = e.update_error_dict(galat)
        else:
            for f in medan:
                mentah = getattr(obj, f.attname)
                if (f.blank and mentah in f.empty_values) or isinstance(mentah, DatabaseDefault):
                    continue
                try:
                    setattr(obj, f.attname, self._bersihkan(f, mentah, obj))
                except ValidationError as e:
                    galat[f.name] = e.error_list
        try:
            obj.clean()
        except ValidationError as e:
            galat = e.update_error_dict(galat)
        if galat:
            raise ValidationError(galat)


class Penyelaras:
    """Collects the objects of one import; `tulis()` writes them."""

    def __init__(self, hasil, user=None, alasan="Impor"):
        self.hasil = hasil
        self.user = user
        self.alasan = alasan
        self.baru = defaultdict(list)
        self.ubah = defaultdict(dict)  # model -> {id(obj): obj}
        self.medan = defaultdict(set)
        self._rincian = {}  # id(obj) → the [field, old, new] list the preview names it with
        # (lembar, nomor) → the objects that row gives: a warning's data note names them
        self.objek_letak = defaultdict(list)
        self._sumber_dana = None
        self._pemeriksa = Pemeriksa()

    def sumber_dana_bawaan(self, letak):
        """The source of funds of budgets that a workbook brings without one (created if missing)."""
        if self._sumber_dana is None:
            ada = SumberDana.objects.filter(nama=SUMBER_DANA_BAWAAN).first()
            self._sumber_dana = self.pasang(SumberDana, ada, {"nama": SUMBER_DANA_BAWAAN}, letak)
        return self._sumber_dana

    def pasang(self, model, lama, nilai, letak, *, teks_longgar=(), kolom=None, nama=None, judul=None):
        """The object the file describes: `lama` updated in memory with `nilai`, or a new object.

        Returns None when it is invalid (the problems are added to the result). `teks_longgar`
        names text fields whose case and blanks do not count as a change; `kolom` maps field
        names to the column a problem is reported in. `judul` says what the object is in the
        preview's list of what is created and changed (a text, or a function giving it, called
        only while that list has room); by default its code and description or its name.
        """
        nama = nama or model._meta.verbose_name.capitalize()
        if lama is None:
            obj = model(**nilai)
            if not self._sah(obj, letak, kolom) or not self._versi_sama(obj, None, letak):
                return None
            self.baru[model].append(obj)
            self._catat_objek(letak, obj)
            self.hasil.catat_letak(letak, DIBUAT)
            self.hasil.hitung(nama, DIBUAT)
            if self.hasil.boleh_dirinci(nama, DIBUAT):
                self.hasil.rinci_dibuat(nama, _judul(judul, obj), _isi(model, nilai))
            return obj
        berubah = []
        for f, v in nilai.items():
            medan = model._meta.get_field(f)
            if medan.many_to_one:
                # compare keys: reading the related object would cost a query per object
                kunci_lama = getattr(lama, medan.attname)
                kunci_baru = None if v is None else v.pk
                if kunci_lama != kunci_baru or (v is not None and v.pk is None):
                    berubah.append(f)
                continue
            sekarang = getattr(lama, f)
            if f in teks_longgar and sama_teks(sekarang, v):
                continue
            if not _sama(sekarang, v):
                berubah.append(f)
        self._catat_objek(letak, lama)
        if not berubah:
            self._versi_sama(lama, lama, letak, menulis=False)
            self.hasil.catat_letak(letak, DIBUAT if lama.pk is None else TETAP)
            if lama.pk is not None and id(lama) not in self.ubah[model]:
                self.hasil.hitung(nama, TETAP)
            return lama
        if not self._versi_sama(lama, lama, letak):
            return None
        # named as it is before the change (its new description shows in its list of fields)
        baru_diubah = lama.pk is not None and id(lama) not in self.ubah[model]
        sebutan = _judul(judul, lama) if baru_diubah and self.hasil.boleh_dirinci(nama, DIUBAH) else None
        cadangan = {f: getattr(lama, f) for f in berubah}
        for f in berubah:
            setattr(lama, f, nilai[f])
        if not self._sah(lama, letak, kolom):
            for f, v in cadangan.items():
                setattr(lama, f, v)
            return None
        if lama.pk is not None:
            if baru_diubah:
                self.hasil.hitung(nama, DIUBAH)
                self._rincian[id(lama)] = self.hasil.rinci_diubah(nama, sebutan)
            self._rinci_medan(model, self._rincian.get(id(lama)), cadangan, nilai)
            self.ubah[model][id(lama)] = lama
            self.medan[model].update(berubah)
        self.hasil.catat_letak(letak, DIBUAT if lama.pk is None else DIUBAH)
        return lama

    def _catat_objek(self, letak, obj):
        if letak and len(letak) >= 2 and letak[1] is not None:
            self.objek_letak[(letak[0], letak[1])].append(obj)

    @staticmethod
    def _rinci_medan(model, daftar, lama, baru):
        """Note old → new of each changed field in the preview's entry of the object (`daftar`,
        None when its kind's list is full); a field changed twice keeps its first old value."""
        if daftar is None:
            return
        for f, isi_lama in lama.items():
            medan = model._meta.get_field(f)
            label = judul_modul.label(medan)
            teks_baru = judul_modul.nilai(medan, baru[f])
            ada = next((d for d in daftar if d[0] == label), None)
            if ada is not None:
                ada[2] = teks_baru
            else:
                daftar.append([label, judul_modul.nilai(medan, isi_lama), teks_baru])

    def _versi_sama(self, obj, lama, letak, menulis=True):
        """For a quarter row (a model with a version): note the version it has now, and, writing
        after a preview, refuse a change of a row saved by someone else since that preview
        (kinerja/versi.py). True when the row may be written."""
        if not isinstance(obj, Versi):
            return True
        kunci = kunci_versi(obj)
        if kunci is None:  # its indicator or sub kegiatan is new in this file
            return True
        sekarang = versi_tersimpan(lama if lama is not None and lama.pk is not None else None)
        self.hasil.versi[kunci] = sekarang
        dilihat = (self.hasil.versi_pratinjau or {}).get(kunci)
        if not menulis or dilihat is None or dilihat == sekarang:
            return True
        lembar, baris = letak
        self.hasil.tambah(pesan_bentrok(lama, dilihat, "pratinjau berkas ini dibuat"), lembar, baris)
        return False

    def _sah(self, obj, letak, kolom):
        try:
            self._pemeriksa.periksa(obj)
        except ValidationError as e:
            lembar, baris = letak
            pesan = e.message_dict if hasattr(e, "error_dict") else {NON_FIELD_ERRORS: e.messages}
            for f, daftar in pesan.items():
                for p in daftar:
                    self.hasil.masalah.append(Masalah(p, lembar, baris, (kolom or {}).get(f, "")))
            return False
        return True

    def tulis(self, urutan):
        """Write the collected objects, model by model in `urutan` (parents first)."""
        sekarang = timezone.now()
        for model in urutan:
            baru = self.baru.get(model, [])
            if baru:
                for obj in baru:
                    if isinstance(obj, Versi):
                        tandai(obj, self.user, sekarang)
                sisip_baru(model, baru, user=self.user, alasan=self.alasan)
            ubah = list(self.ubah.get(model, {}).values())
            if ubah:
                medan = set(self.medan[model])
                for obj in ubah:
                    if isinstance(obj, Versi):
                        medan |= tandai(obj, self.user, sekarang)
                if _ada_riwayat(model):
                    bulk_update_with_history(
                        ubah,
                        model,
                        sorted(medan),
                        batch_size=UKURAN_BATCH,
                        default_user=self.user,
                        default_change_reason=self.alasan,
                    )
                else:
                    model.objects.bulk_update(ubah, sorted(medan), batch_size=UKURAN_BATCH)
