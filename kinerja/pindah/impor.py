"""Reading an agency's archive (see format.py) into this server: all of it in one transaction, or
nothing. Every row is validated as the admin would (`full_clean`); the first problem stops the
import with a message naming where in the archive it is."""

import hashlib
import json
import zipfile
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction

from kinerja.audit import catat_setelah_commit
from kinerja.models import DataDukung, NarasiLaporan, Pelaporan, Realisasi, RealisasiAnggaran, User
from renstra.models import (
    Bidang,
    Indikator,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SkalaTingkat,
    SubKegiatan,
    SumberDana,
    Target,
    Tingkat,
    Tujuan,
)

from .format import (
    JENIS,
    NAMA_DOKUMEN,
    VERSI_FORMAT,
    IsiSalah,
    PindahGagal,
    baca_kolom,
    hitung_isi,
    rujukan_simpul,
)
from .hapus import hapus_isi_opd

ALASAN = "Dipindahkan dari server lain (impor_opd)"
WAKTU = ("dibuat_pada", "diubah_pada", "diunggah_pada")  # set on save; put back afterwards


@dataclass
class HasilImpor:
    opd: PerangkatDaerah
    jumlah: dict  # {verbose_name_plural: rows}, counted in the database after the import
    diganti: bool = False
    pengguna_tanpa_bidang: list = field(default_factory=list)  # accounts whose bidang is not in the archive


GALAT_ISI = (KeyError, TypeError, ValueError, AttributeError, InvalidOperation, ValidationError, DatabaseError)


def _label(data, *kunci):
    """Words naming a part of the archive in messages, even when that part is malformed."""
    if not isinstance(data, dict):
        return "?"
    return " ".join(str(data.get(k)) for k in kunci if data.get(k) is not None)[:60] or "?"


def _nama_simpul(data):
    """A program, kegiatan or sub kegiatan in messages: its code, or its uraian when it has none."""
    return _label(data, "kode") if isinstance(data, dict) and data.get("kode") else _label(data, "uraian")


def _uraikan(e):
    if isinstance(e, IsiSalah):
        return str(e)
    if isinstance(e, KeyError):
        return f"kunci {e.args[0]!r} tidak ada"
    if isinstance(e, ValidationError):
        return "; ".join(e.messages)
    if isinstance(e, DatabaseError):
        return f"basis data menolak: {e}"
    if isinstance(e, InvalidOperation):
        return "angka tidak sah"
    return f"isi tidak sah ({e})"


@dataclass
class _Pemuat:
    arsip: zipfile.ZipFile
    nama_arsip: str
    lokasi: list = field(default_factory=list)
    opd: PerangkatDaerah | None = None
    bidang: dict = field(default_factory=dict)  # nama → Bidang
    skala: dict = field(default_factory=dict)  # nama → (SkalaTingkat, {nama: Tingkat})
    sumber_dana: dict = field(default_factory=dict)  # nama → SumberDana
    renstra: dict = field(default_factory=dict)  # (tahun_awal, revisi) → Renstra
    indikator: dict = field(default_factory=dict)  # kunci → Indikator
    simpul: dict = field(default_factory=dict)  # (tahun_awal, revisi, *jalur) → Program/Kegiatan/SubKegiatan
    tertunda: list = field(default_factory=list)  # (object, field, {key: row}, key, lokasi): links loaded last
    waktu: dict = field(default_factory=lambda: defaultdict(list))  # model → [(object, {field: value})]
    berkas_ditulis: list = field(default_factory=list)
    diganti: bool = False

    def galat(self, pesan):
        letak = " › ".join(self.lokasi)
        return PindahGagal(
            f"Arsip {self.nama_arsip} ditolak, tidak ada yang disimpan: "
            + (f"{letak}: " if letak else "")
            + f"{pesan.rstrip('.')}."
        )

    @contextmanager
    def di(self, teks):
        """Name the part of the archive being read in the message of any problem inside."""
        self.lokasi.append(teks)
        try:
            yield
        except PindahGagal:
            raise
        except GALAT_ISI as e:
            raise self.galat(_uraikan(e)) from e
        finally:
            self.lokasi.pop()

    def simpan(self, obj, waktu=None):
        """Validate and save; the history records the move as the reason."""
        obj.full_clean()
        obj._change_reason = ALASAN
        obj.save()
        if waktu:
            self.waktu[type(obj)].append((obj, waktu))
        return obj

    def buat(self, model, data, **lain):
        kolom = baca_kolom(model, data)
        waktu = {k: kolom.pop(k) for k in WAKTU if k in kolom}
        obj = model(**kolom, **lain)
        return self.simpan(obj, waktu)

    # --- the whole archive ---------------------------------------------------------------------

    def muat(self, dokumen, ganti):
        """Load the document; return the accounts that lost their bidang (see impor_opd)."""
        with self.di("perangkat daerah"):
            data_opd = dokumen["opd"]
            kolom = baca_kolom(PerangkatDaerah, data_opd)
            ada = PerangkatDaerah.objects.select_for_update().filter(kode=kolom["kode"]).first()
            if ada and not ganti:
                raise PindahGagal(
                    f"Perangkat daerah {kolom['kode']} sudah ada di server ini; tidak ada yang disimpan. "
                    "Tambahkan --ganti untuk mengganti semua datanya dengan isi arsip."
                )
            bidang_pengguna = {}
            if ada:
                self.diganti = True
                bidang_pengguna = dict(
                    User.objects.filter(opd=ada, bidang__isnull=False).values_list("pk", "bidang__nama")
                )
                hapus_isi_opd(ada)
                for nama, nilai in kolom.items():
                    setattr(ada, nama, nilai)
            self.opd = self.simpan(ada or PerangkatDaerah(**kolom))
            for b in data_opd["bidang"]:
                with self.di(f"bidang {_label(b, 'nama')}"):
                    self.bidang[b["nama"]] = self.buat(Bidang, b, opd=self.opd)
        with self.di("skala tingkatan"):
            for s in dokumen["skala_tingkat"]:
                with self.di(_label(s, "nama")):
                    self.muat_skala(s)
        with self.di("sumber dana"):
            for s in dokumen["sumber_dana"]:
                sumber, _ = SumberDana.objects.get_or_create(nama=s["nama"], defaults={"keterangan": s["keterangan"]})
                self.sumber_dana[sumber.nama] = sumber
        for r in dokumen["renstra"]:
            with self.di(f"Renstra {_label(r, 'tahun_awal', 'tahun_akhir')} revisi {_label(r, 'revisi')}"):
                self.muat_renstra(r)
        self.sambungkan_tertunda()
        with self.di("pelaporan"):
            for p in dokumen["pelaporan"]:
                with self.di(f"{_label(p, 'tahun')} TW {_label(p, 'triwulan', 'bidang')}"):
                    self.buat(Pelaporan, p, opd=self.opd, bidang=self.cari_bidang(p["bidang"]))
        self.muat_narasi(dokumen["narasi"])
        with self.di("waktu dibuat dan diubah"):
            self.kembalikan_waktu()
        tanpa_bidang = []
        for pk, nama in bidang_pengguna.items():
            User.objects.filter(pk=pk).update(bidang=self.bidang.get(nama))
            if nama not in self.bidang:
                tanpa_bidang.append(User.objects.get(pk=pk).username)
        return tanpa_bidang

    def muat_skala(self, s):
        """A scale the archive's indicators use: the server's own when it has one by that name
        with the same levels, else created. Levels that differ would change every capaian."""
        nama_tingkat = list(s["tingkat"])
        skala = SkalaTingkat.objects.filter(nama=s["nama"]).first()
        if skala is None:
            skala = self.simpan(SkalaTingkat(nama=s["nama"], keterangan=s["keterangan"]))
            for urutan, nama in enumerate(nama_tingkat, start=1):
                self.simpan(Tingkat(skala=skala, urutan=urutan, nama=nama))
        tingkat = list(skala.tingkat.order_by("urutan"))
        if [t.nama for t in tingkat] != nama_tingkat:
            raise PindahGagal(
                f'Skala tingkatan "{skala.nama}" di server ini ({" < ".join(t.nama for t in tingkat)}) berbeda '
                f"dengan di arsip ({' < '.join(nama_tingkat)}); samakan dulu di Admin › Skala tingkatan."
            )
        self.skala[skala.nama] = (skala, {t.nama: t for t in tingkat})

    def cari_bidang(self, nama):
        if nama is None:
            return None
        if nama not in self.bidang:
            raise IsiSalah(f"bidang {nama!r} tidak ada di daftar bidang arsip")
        return self.bidang[nama]

    def cari_tingkat(self, indikator, nama):
        if nama is None:
            return None
        if not indikator.skala_tingkat_id:
            raise IsiSalah(f"tingkatan {nama!r} untuk indikator tanpa skala tingkatan")
        tingkat = self.skala[indikator.skala_tingkat.nama][1]
        if nama not in tingkat:
            raise IsiSalah(f"tingkatan {nama!r} tidak ada dalam skala {indikator.skala_tingkat.nama!r}")
        return tingkat[nama]

    # --- the plan ------------------------------------------------------------------------------

    def muat_renstra(self, r):
        renstra = self.buat(Renstra, r, opd=self.opd)
        self.renstra[(renstra.tahun_awal, renstra.revisi)] = renstra
        if r["mengganti"] is not None:
            kunci = (r["mengganti"]["tahun_awal"], r["mengganti"]["revisi"])
            self.tertunda.append((renstra, "mengganti", self.renstra, kunci, list(self.lokasi)))
        sasaran = {}
        for t in r["tujuan"]:
            with self.di(f"tujuan {_label(t, 'kode')}"):
                tujuan = self.buat(Tujuan, t, renstra=renstra)
                self.muat_indikator(t["indikator"], tujuan=tujuan)
                for s in t["sasaran"]:
                    with self.di(f"sasaran {_label(s, 'kode')}"):
                        sasaran[(tujuan.kode, s["kode"])] = obj = self.buat(Sasaran, s, tujuan=tujuan)
                        self.muat_indikator(s["indikator"], sasaran=obj)
        for p in r["program"]:
            with self.di(f"program {_nama_simpul(p)}"):
                didukung = None
                if p["sasaran"] is not None:
                    kunci = (p["sasaran"]["tujuan"], p["sasaran"]["sasaran"])
                    if kunci not in sasaran:
                        raise IsiSalah(f"sasaran {kunci[1]} (tujuan {kunci[0]}) tidak ada di Renstra ini")
                    didukung = sasaran[kunci]
                program = self.buat(Program, p, renstra=renstra, sasaran=didukung, bidang=self.cari_bidang(p["bidang"]))
                self.daftarkan_simpul(program, p)
                self.muat_indikator(p["indikator"], program=program)
                for k in p["kegiatan"]:
                    with self.di(f"kegiatan {_nama_simpul(k)}"):
                        self.muat_kegiatan(k, program)

    def muat_kegiatan(self, k, program):
        kegiatan = self.buat(Kegiatan, k, program=program, bidang=self.cari_bidang(k["bidang"]))
        self.daftarkan_simpul(kegiatan, k)
        self.muat_indikator(k["indikator"], kegiatan=kegiatan)
        for s in k["sub_kegiatan"]:
            with self.di(f"sub kegiatan {_nama_simpul(s)}"):
                sub = self.buat(SubKegiatan, s, kegiatan=kegiatan, bidang=self.cari_bidang(s["bidang"]))
                self.daftarkan_simpul(sub, s)
                self.muat_indikator(s["indikator"], sub_kegiatan=sub)
                for pagu in s["pagu"]:
                    with self.di(f"pagu {_label(pagu, 'tahun', 'sumber_dana')}"):
                        if pagu["sumber_dana"] not in self.sumber_dana:
                            raise IsiSalah(f"sumber dana {pagu['sumber_dana']!r} tidak ada di daftar sumber dana arsip")
                        self.buat(Pagu, pagu, sub_kegiatan=sub, sumber_dana=self.sumber_dana[pagu["sumber_dana"]])
                for ra in s["realisasi_anggaran"]:
                    with self.di(f"realisasi anggaran {_label(ra, 'tahun')} TW {_label(ra, 'triwulan')}"):
                        self.buat(RealisasiAnggaran, ra, sub_kegiatan=sub)

    def daftarkan_simpul(self, simpul, data):
        """Remember a program, kegiatan or sub kegiatan by its natural keys, and link it to the node
        it replaces once every node is in (archives written before `pendahulu` have none)."""
        self.simpul[_kunci_rujukan(rujukan_simpul(simpul))] = simpul
        rujukan = data.get("pendahulu")
        if rujukan is not None:
            kunci = _kunci_rujukan(rujukan)
            self.tertunda.append((simpul, "pendahulu", self.simpul, kunci, list(self.lokasi)))

    def muat_indikator(self, daftar, induk=None, **pemilik):
        for d in daftar:
            with self.di(f"indikator {_label(d, 'kunci')} ({_label(d, 'uraian')})"):
                milik = {**pemilik, "tujuan": pemilik["sasaran"].tujuan} if d["juga_tujuan"] else pemilik
                skala = None
                if d["skala_tingkat"] is not None:
                    if d["skala_tingkat"] not in self.skala:
                        raise IsiSalah(f"skala tingkatan {d['skala_tingkat']!r} tidak ada di daftar skala arsip")
                    skala = self.skala[d["skala_tingkat"]][0]
                pendahulu = d["pendahulu"]
                indikator = self.buat(
                    Indikator, d, **milik, induk=induk, skala_tingkat=skala, pendahulu=self.indikator.get(pendahulu)
                )
                if d["kunci"] in self.indikator:
                    raise IsiSalah(f"kunci indikator {d['kunci']!r} dipakai dua kali")
                self.indikator[d["kunci"]] = indikator
                if pendahulu is not None and indikator.pendahulu_id is None:
                    self.tertunda.append((indikator, "pendahulu", self.indikator, pendahulu, list(self.lokasi)))
                for t in d["target"]:
                    with self.di(f"target {_label(t, 'jenis', 'tahun', 'triwulan')}"):
                        self.buat(Target, t, indikator=indikator, tingkat=self.cari_tingkat(indikator, t["tingkat"]))
                for r in d["realisasi"]:
                    with self.di(f"realisasi {_label(r, 'tahun')} TW {_label(r, 'triwulan')}"):
                        self.muat_realisasi(r, indikator)
                self.muat_narasi(d["narasi"], indikator)
                self.muat_indikator(d["rincian"], induk=indikator, **pemilik)

    def muat_realisasi(self, r, indikator):
        realisasi = self.buat(Realisasi, r, indikator=indikator, tingkat=self.cari_tingkat(indikator, r["tingkat"]))
        for d in r["data_dukung"]:
            with self.di(f"data dukung {_label(d, 'nama_asli')}"):
                isi = self.baca_berkas(d["berkas"], d["sha256"])
                kolom = baca_kolom(DataDukung, d)
                waktu = {"diunggah_pada": kolom.pop("diunggah_pada")}
                obj = DataDukung(realisasi=realisasi, **kolom)
                obj.berkas.save(obj.nama_asli, ContentFile(isi), save=False)
                self.berkas_ditulis.append(obj.berkas.name)
                self.simpan(obj, waktu)

    def baca_berkas(self, nama, sha256):
        try:
            isi = self.arsip.read(nama)
        except KeyError as e:
            raise IsiSalah(f"berkas {nama} tidak ada di dalam arsip") from e
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as e:
            raise IsiSalah(f"berkas {nama} di dalam arsip rusak ({e})") from e
        if hashlib.sha256(isi).hexdigest() != sha256:
            raise IsiSalah(f"berkas {nama} di dalam arsip tidak sama dengan saat diekspor (sidik SHA-256 berbeda)")
        return isi

    def muat_narasi(self, daftar, indikator=None):
        for n in daftar:
            with self.di(f"narasi {_label(n, 'bagian', 'tahun')}"):
                self.buat(NarasiLaporan, n, opd=self.opd, indikator=indikator)

    # --- after everything is in ----------------------------------------------------------------

    def sambungkan_tertunda(self):
        """Links to rows loaded later than the row pointing at them: a Renstra's predecessor
        document, an indicator's predecessor."""
        for obj, nama, peta, kunci, lokasi in self.tertunda:
            self.lokasi[:] = lokasi
            with self.di(nama):
                if kunci not in peta:
                    raise IsiSalah(f"{nama} {kunci} tidak ada di arsip")
                setattr(obj, nama, peta[kunci])
                self.simpan(obj)
        self.lokasi.clear()

    def kembalikan_waktu(self):
        """Put back the creation and change times of the archive, which saving replaced with now."""
        for model, daftar in self.waktu.items():
            for obj, waktu in daftar:
                for nama, nilai in waktu.items():
                    setattr(obj, nama, nilai)
            model.objects.bulk_update([obj for obj, _ in daftar], list(daftar[0][1]), batch_size=500)

    def hapus_berkas_ditulis(self):
        for nama in self.berkas_ditulis:
            default_storage.delete(nama)


def _kunci_rujukan(rujukan):
    """A node's reference in the document (rujukan_simpul) as a key: (tahun_awal, revisi, *jalur)."""
    if not isinstance(rujukan, dict) or not isinstance(rujukan.get("jalur"), list):
        raise IsiSalah(f"pendahulu harus berupa {{renstra, jalur}}, bukan {rujukan!r}")
    return (rujukan["renstra"]["tahun_awal"], rujukan["renstra"]["revisi"], *rujukan["jalur"])


def _baca_dokumen(arsip, nama_arsip):
    try:
        mentah = arsip.read(NAMA_DOKUMEN)
    except KeyError as e:
        raise PindahGagal(f"{nama_arsip} bukan arsip perangkat daerah Kinerja: tidak berisi {NAMA_DOKUMEN}.") from e
    except (zipfile.BadZipFile, OSError) as e:
        raise PindahGagal(f"Arsip {nama_arsip} rusak: {NAMA_DOKUMEN} tidak dapat dibaca ({e}).") from e
    try:
        dokumen = json.loads(mentah)
    except ValueError as e:
        raise PindahGagal(f"Arsip {nama_arsip} rusak: {NAMA_DOKUMEN} bukan JSON yang sah ({e}).") from e
    if not isinstance(dokumen, dict) or dokumen.get("jenis") != JENIS:
        raise PindahGagal(f"{nama_arsip} bukan arsip perangkat daerah Kinerja (buatan manage.py ekspor_opd).")
    versi = dokumen.get("versi_format")
    if versi != VERSI_FORMAT:
        saran = (
            "perbarui Kinerja di server ini dulu"
            if isinstance(versi, int) and versi > VERSI_FORMAT
            else "ekspor ulang dari server asal setelah Kinerja di sana diperbarui"
        )
        raise PindahGagal(
            f"Arsip {nama_arsip} berformat versi {versi}, sedangkan server ini membaca versi {VERSI_FORMAT}; {saran}."
        )
    return dokumen


def impor_opd(berkas, *, ganti=False):
    """Load the archive `berkas` (a path): the agency, its bidang, Renstra and everything under
    them, realisations with their evidence files, spending, submissions and narratives.

    Refused when the agency's code exists here, unless `ganti`: then its data is replaced, while
    the agency's user accounts stay and keep their bidang where the archive has one of that name.
    All or nothing: on any problem `PindahGagal` says where, and neither a row nor a file stays.
    """
    nama_arsip = Path(berkas).name
    try:
        arsip = zipfile.ZipFile(berkas)
    except FileNotFoundError as e:
        raise PindahGagal(f"Berkas {berkas} tidak ditemukan.") from e
    except (zipfile.BadZipFile, OSError) as e:
        raise PindahGagal(f"{nama_arsip} bukan arsip ZIP yang dapat dibaca ({e}).") from e
    with arsip:
        dokumen = _baca_dokumen(arsip, nama_arsip)
        pemuat = _Pemuat(arsip, nama_arsip)
        try:
            with transaction.atomic():
                tanpa_bidang = pemuat.muat(dokumen, ganti)
                jumlah = hitung_isi(pemuat.opd)
                catat_setelah_commit(
                    "opd.diimpor",
                    opd=pemuat.opd.kode,
                    berkas=nama_arsip,
                    diganti=pemuat.diganti,
                    indikator=jumlah[Indikator._meta.verbose_name_plural],
                    data_dukung=len(pemuat.berkas_ditulis),
                )
        except GALAT_ISI as e:  # outside every named part: the document's own shape
            pemuat.hapus_berkas_ditulis()
            raise pemuat.galat(_uraikan(e)) from e
        except BaseException:
            pemuat.hapus_berkas_ditulis()
            raise
    return HasilImpor(pemuat.opd, jumlah, diganti=pemuat.diganti, pengguna_tanpa_bidang=tanpa_bidang)
