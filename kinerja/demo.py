"""The demo: two agencies taken from the seed documents (fixtures/*.json, format in
fixtures/README.md) and the development accounts.

Every object goes through `full_clean()`, so the demo obeys the same rules as data that users
type or import. An agency is loaded in one transaction and only when its code is not in the
database yet: loading twice changes nothing.
"""

import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction

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

from . import rules
from . import tercetak as tercetak_mod
from .importers.catatan import MEDAN_ANGGARAN, kunci
from .models import CatatanData, NarasiLaporan, NilaiPembanding, NilaiSakip, Peran, RealisasiAnggaran, User
from .models import Realisasi as RealisasiModel
from .models.catatan import NAMA_MEDAN

FOLDER_DEMO = Path(settings.BASE_DIR) / "fixtures"
BERKAS_DEMO = ["dspppa-belitung.json", "dspppa-batubara.json"]
KATA_SANDI_DEMO = "kinerja-demo"

_OPD = (
    "kode",
    "nama",
    "singkatan",
    "alamat",
    "kota",
    "kepala_jabatan",
    "kepala_nama",
    "kepala_nip",
    "kepala_pangkat",
    "kepala_daerah_jabatan",
    "kepala_daerah_nama",
)
_BIDANG = ("nama", "kode", "kepala_jabatan", "kepala_nama", "kepala_nip", "kepala_pangkat")
_INDIKATOR_TEKS = (
    "uraian",
    "satuan",
    "jenis",
    "arah",
    "metode_negatif",
    "cara_tahunan",
    "rumusan",
    "pembilang",
    "penyebut",
    "kondisi_awal_teks",
    "sumber_data",
    "keterangan",
)
_PEMBANDING = ("uraian", "satuan", "kelompok", "urutan", "target", "realisasi_tercetak", "keterangan")
_INDIKATOR_YA_TIDAK = ("iku", "ikk", "spm", "nol_dari_nol_tercapai")


_RUPIAH = MEDAN_ANGGARAN - {"serapan"}


@dataclass
class SalahCetak:
    """A slip of the printed source document (one `salah_cetak` entry), read as an import's
    warning is by the data note's key (kinerja.importers.catatan.kunci)."""

    medan: str
    tahun: int
    triwulan: int | None
    tercetak: str
    dihitung: str
    lembar: str
    pesan: str
    sel: str = ""
    jenis: str = CatatanData.Jenis.DOKUMEN


def pesan_salah_cetak(s, sasaran):
    """ "Realisasi anggaran 2024 sub kegiatan 1.06.01.2.02.0001 Penyediaan Gaji dan Tunjangan ASN
    tercetak Rp 8.836.429.688 di Tabel 3.43; yang dipakai Rp 4.836.429.688 (sesuai …)." """
    rp = "Rp " if s["medan"] in _RUPIAH else ""
    if "indikator" in sasaran:
        objek = f"indikator {sasaran['indikator'].uraian}"
    else:
        ((level, simpul),) = sasaran.items()
        # A row printed without a code (kode "") is named by its uraian alone.
        objek = " ".join(x for x in (level.replace("_", " "), simpul.kode, simpul.uraian) if x)
    # A printed cell that is no amount ("htb") is quoted as printed, without "Rp".
    rp_cetak = rp if s["tercetak"][:1].isdigit() else ""
    teks = f"{NAMA_MEDAN[s['medan']]} {s['tahun']} {objek} tercetak {rp_cetak}{s['tercetak']} di {s['tempat']}"
    if s.get("dihitung"):
        teks += f", sedangkan dihitung dari rinciannya {rp}{s['dihitung']}"
    teks += f"; yang dipakai {rp}{s['dipakai']}"
    return teks + (f" ({s['dasar']})." if s.get("dasar") else ".")


class DemoTidakValid(Exception):
    """A demo file breaks a rule; the message names the file and the object."""


def _angka(teks):
    return None if teks is None else Decimal(teks)


def _ambil(data, kunci):
    return {k: data[k] for k in kunci if k in data}


@dataclass
class _Pemuat:
    """Loads one demo file; `lokasi` is the path to the object being loaded, for messages."""

    nama_berkas: str
    opd: PerangkatDaerah | None = None
    bidang: dict = field(default_factory=dict)
    indikator_berkunci: dict = field(default_factory=dict)
    lokasi: list = field(default_factory=list)
    dokumen: str = ""  # the source document's name, given to the data notes of its slips
    salah_cetak: list = field(default_factory=list)  # [(entry, {field: object it concerns})]

    def galat(self, pesan):
        return DemoTidakValid(f"{self.nama_berkas}: {' › '.join(self.lokasi)}: {pesan}")

    def simpan(self, obj):
        try:
            obj.full_clean()
        except ValidationError as e:
            raise self.galat("; ".join(e.messages)) from e
        obj.save()
        return obj

    @contextmanager
    def di(self, teks):
        """Name the object being loaded in error messages raised inside the block."""
        self.lokasi.append(teks)
        try:
            yield
        finally:
            self.lokasi.pop()

    def catat(self, data, **sasaran):
        """Keep the printed slips `data` records (`salah_cetak`), with the object they concern."""
        for s in data.get("salah_cetak", []):
            if s.get("medan") not in NAMA_MEDAN:
                raise self.galat(f'salah_cetak: medan "{s.get("medan")}" tidak dikenal.')
            self.salah_cetak.append((s, sasaran))

    def simpan_salah_cetak(self):
        """One open data note (jenis DOKUMEN) per printed slip; a note already kept is not repeated."""
        ada = set(CatatanData.objects.filter(opd=self.opd).values_list("kunci", flat=True))
        for s, sasaran in self.salah_cetak:
            slip = SalahCetak(
                medan=s["medan"],
                tahun=s["tahun"],
                triwulan=s.get("triwulan"),
                tercetak=s["tercetak"],
                dihitung=s.get("dihitung") or s["dipakai"],
                lembar=s["tempat"],
                pesan=pesan_salah_cetak(s, sasaran),
            )
            k = kunci(slip, sasaran, slip.tahun)
            if k in ada:
                continue
            ada.add(k)
            with self.di(f"salah cetak {s['tempat']} {s['tercetak']}"):
                self.simpan(
                    CatatanData(
                        opd=self.opd,
                        tahun=slip.tahun,
                        jenis=slip.jenis,
                        pesan=slip.pesan,
                        tercetak=slip.tercetak,
                        dihitung=slip.dihitung,
                        medan=slip.medan,
                        triwulan=slip.triwulan,
                        berkas=self.dokumen[:255],
                        lembar=slip.lembar,
                        kunci=k,
                        **sasaran,
                    )
                )

    def muat(self, data):
        self.dokumen = data.get("dokumen") or data.get("sumber", "") or self.nama_berkas
        self.opd = self.simpan(PerangkatDaerah(**_ambil(data["opd"], _OPD)))
        for urutan, b in enumerate(data["opd"].get("bidang", []), start=1):
            self.bidang[b["nama"]] = self.simpan(Bidang(opd=self.opd, urutan=urutan, **_ambil(b, _BIDANG)))
        for r in data["renstra"]:
            with self.di(f"Renstra {r['tahun_awal']}–{r['tahun_akhir']}"):
                self.muat_renstra(r)
        self.muat_narasi(data.get("narasi", []))
        self.muat_pembanding(data.get("pembanding", []))
        self.muat_nilai_sakip(data.get("nilai_sakip", []))
        self.simpan_salah_cetak()

    def muat_narasi(self, daftar, indikator=None):
        """The LKjIP's narrative sections: the agency's, or (under an indicator) the indicator's."""
        for n in daftar:
            with self.di(f"narasi {n['bagian']} {n['tahun']}"):
                narasi = NarasiLaporan(opd=self.opd, tahun=n["tahun"], bagian=n["bagian"], indikator=indikator)
                narasi.teks = n["teks"]
                self.simpan(narasi)

    def muat_renstra(self, r):
        renstra = self.simpan(
            Renstra(
                opd=self.opd,
                tahun_awal=r["tahun_awal"],
                tahun_akhir=r["tahun_akhir"],
                revisi=r.get("revisi", 0),
                aktif=r.get("aktif", True),
                nomor_dokumen=r.get("nomor_dokumen", ""),
                visi=r.get("visi", ""),
                misi=r.get("misi", ""),
            )
        )
        sasaran_per_kode = {}
        for t in r["tujuan"]:
            with self.di(f"tujuan {t['kode']}"):
                tujuan = self.simpan(Tujuan(renstra=renstra, kode=t["kode"], uraian=t["uraian"]))
                self.muat_indikator(t["indikator"], tujuan=tujuan)
                for s in t.get("sasaran", []):
                    with self.di(f"sasaran {s['kode']}"):
                        sasaran = self.simpan(
                            Sasaran(
                                tujuan=tujuan,
                                kode=s["kode"],
                                uraian=s["uraian"],
                                strategi=s.get("strategi", ""),
                                arah_kebijakan=s.get("arah_kebijakan", ""),
                            )
                        )
                        sasaran_per_kode[s["kode"]] = sasaran
                        self.muat_indikator(s["indikator"], sasaran=sasaran)
        for p in r["program"]:
            with self.di(f"program {p['kode']}"):
                program = self.simpan(
                    Program(
                        renstra=renstra,
                        kode=p["kode"],
                        uraian=p["uraian"],
                        sasaran=sasaran_per_kode.get(p.get("sasaran")),
                        bidang=self.bidang.get(p.get("bidang")),
                    )
                )
                self.catat(p, program=program)
                self.muat_indikator(p["indikator"], program=program)
                self.catatan_target_tanpa_indikator(p, program=program)
                for k in p["kegiatan"]:
                    with self.di(f"kegiatan {k['kode']}"):
                        self.muat_kegiatan(k, program)

    def muat_kegiatan(self, k, program):
        kegiatan = self.simpan(
            Kegiatan(program=program, kode=k["kode"], uraian=k["uraian"], bidang=self.bidang.get(k.get("bidang")))
        )
        self.catat(k, kegiatan=kegiatan)
        self.muat_indikator(k["indikator"], kegiatan=kegiatan)
        self.catatan_target_tanpa_indikator(k, kegiatan=kegiatan)
        for s in k["sub_kegiatan"]:
            with self.di(f"sub kegiatan {s['kode']}"):
                sub = self.simpan(
                    SubKegiatan(
                        kegiatan=kegiatan,
                        kode=s["kode"],
                        uraian=s["uraian"],
                        bidang=self.bidang.get(s.get("bidang")),
                        refocusing=s.get("refocusing", False),
                    )
                )
                self.catat(s, sub_kegiatan=sub)
                self.muat_indikator(s["indikator"], sub_kegiatan=sub)
                self.catatan_target_tanpa_indikator(s, sub_kegiatan=sub)
                for pagu in s.get("pagu", []):
                    self.catat(pagu, sub_kegiatan=sub)
                    self.simpan(
                        Pagu(
                            sub_kegiatan=sub,
                            tahun=pagu["tahun"],
                            sumber_dana=SumberDana.objects.get_or_create(nama=pagu["sumber_dana"])[0],
                            jenis_belanja=pagu.get("jenis_belanja", Pagu.JenisBelanja.LANGSUNG),
                            indikatif=pagu.get("indikatif"),
                            induk=pagu.get("induk"),
                            perubahan=pagu.get("perubahan"),
                        )
                    )
                for ra in s.get("realisasi_anggaran", []):
                    self.catat(ra, sub_kegiatan=sub)
                    self.simpan(
                        RealisasiAnggaran(
                            sub_kegiatan=sub, tahun=ra["tahun"], triwulan=ra["triwulan"], nilai=ra["nilai"]
                        )
                    )

    def muat_indikator(self, daftar, induk=None, **pemilik):
        for urutan, d in enumerate(daftar, start=1):
            with self.di(f"indikator {urutan} ({d['uraian'][:40]})"):
                milik = {**pemilik, "tujuan": pemilik["sasaran"].tujuan} if d.get("juga_tujuan") else pemilik
                skala = self.skala(d.get("skala_tingkat"))
                indikator = self.simpan(
                    Indikator(
                        **milik,
                        induk=induk,
                        urutan=urutan,
                        skala_tingkat=skala,
                        pengali=_angka(d.get("pengali", "100")),
                        kondisi_awal=_angka(d.get("kondisi_awal")),
                        pendahulu=self.indikator_berkunci.get(d.get("pendahulu")),
                        **_ambil(d, _INDIKATOR_TEKS),
                        **_ambil(d, _INDIKATOR_YA_TIDAK),
                    )
                )
                if d.get("kunci"):
                    self.indikator_berkunci[d["kunci"]] = indikator
                self.catat(d, indikator=indikator)
                for t in d.get("target", []):
                    self.catat(t, indikator=indikator)
                    self.simpan(
                        Target(
                            indikator=indikator,
                            tahun=t["tahun"],
                            triwulan=t.get("triwulan"),
                            jenis=t["jenis"],
                            nilai=_angka(t.get("nilai")),
                            batas_bawah=_angka(t.get("batas_bawah")),
                            batas_atas=_angka(t.get("batas_atas")),
                            tingkat=self.tingkat(skala, t.get("tingkat")),
                            teks=t.get("teks", ""),
                        )
                    )
                for r in d.get("realisasi", []):
                    self.catat(r, indikator=indikator)
                    self.simpan(
                        RealisasiModel(
                            indikator=indikator,
                            tahun=r["tahun"],
                            triwulan=r["triwulan"],
                            nilai=_angka(r.get("nilai")),
                            pembilang=_angka(r.get("pembilang")),
                            penyebut=_angka(r.get("penyebut")),
                            tingkat=self.tingkat(skala, r.get("tingkat")),
                            **_ambil(r, RealisasiModel.NARASI),
                        )
                    )
                if d.get("kondisi_akhir_tercetak"):
                    self.catatan_kondisi_akhir(indikator, _angka(d["kondisi_akhir_tercetak"]))
                self.muat_narasi(d.get("narasi", []), indikator=indikator)
                self.muat_pembanding(d.get("pembanding", []), indikator)
                self.muat_indikator(d.get("rincian", []), induk=indikator, **pemilik)

    def muat_pembanding(self, daftar, indikator=None):
        """The national, provincial or other regencies' values the document prints: of the indicator,
        or (without one) the rows of a source's own table of indicators, by their `uraian`."""
        for p in daftar:
            with self.di(f"pembanding {p['tahun']} {p['sumber_data']} {p.get('uraian', '')}".strip()):
                self.simpan(
                    NilaiPembanding(
                        indikator=indikator,
                        opd=self.opd,
                        tahun=p["tahun"],
                        tingkat=p["tingkat"],
                        sumber=p["sumber_data"],
                        nilai=_angka(p.get("nilai")),
                        capaian=_angka(p.get("capaian")),
                        **_ambil(p, _PEMBANDING),
                    )
                )

    def muat_nilai_sakip(self, daftar):
        """The agency's SAKIP evaluation scores the document prints."""
        for n in daftar:
            with self.di(f"nilai SAKIP {n['tahun']}"):
                self.simpan(
                    NilaiSakip(
                        opd=self.opd,
                        tahun=n["tahun"],
                        nilai=_angka(n["nilai"]),
                        predikat=n["predikat"],
                        evaluator=n["evaluator"],
                        keterangan=n.get("keterangan", ""),
                    )
                )

    def catatan_target_tanpa_indikator(self, data, **simpul):
        """Targets the document prints on a row without an indicator (`target_tanpa_indikator`),
        kept as one data note on the node: no indicator holds them, none is made up for them."""
        isi = data.get("target_tanpa_indikator")
        if not isi:
            return
        if data["indikator"]:
            raise self.galat("target_tanpa_indikator pada simpul yang memiliki indikator.")
        target = {int(th): _angka(v) for th, v in isi["target"].items()}
        tercetak = tercetak_mod.tulis_deret(target, _angka(isi.get("akhir")))
        satuan = f" (satuan {isi['satuan']})" if isi.get("satuan") else ""
        self.simpan(
            CatatanData(
                opd=self.opd,
                jenis=CatatanData.Jenis.DOKUMEN,
                medan=tercetak_mod.MEDAN,
                tercetak=tercetak,
                pesan=f"Target tercetak pada baris tanpa indikator{satuan}: {tercetak}. Tidak ada indikator "
                "yang memilikinya, maka tidak disimpan sebagai target dan tidak dihitung.",
                berkas=self.dokumen[:255],
                kunci=hashlib.sha256(f"demo|target|{data['kode']}|{tercetak}".encode()).hexdigest(),
                **simpul,
            )
        )

    def catatan_kondisi_akhir(self, indikator, tercetak):
        """The kondisi akhir the document prints where it differs from the indicator's yearly rule,
        kept as a data note (as an import of the matrix keeps its warning): the Matriks Renstra
        shows the rule's figure with the note's number beside it."""
        target = {t.tahun: t.nilai for t in indikator.target.filter(jenis=Target.Jenis.RENSTRA, triwulan=None)}
        dihitung = rules.kondisi_akhir(target, indikator.cara_tahunan)
        if dihitung == tercetak:
            raise self.galat(f"kondisi_akhir_tercetak {tercetak} sama dengan hitungan aturan indikator.")
        teks = (rules.format_nilai(tercetak), rules.format_nilai(dihitung))
        self.simpan(
            CatatanData(
                opd=self.opd,
                jenis=CatatanData.Jenis.KONDISI_AKHIR,
                medan="kondisi_akhir",
                indikator=indikator,
                tercetak=teks[0],
                dihitung=teks[1],
                pesan=f"Kondisi akhir tercetak {teks[0]}, sedangkan menurut aturan indikator {teks[1]}.",
                berkas=self.dokumen[:255],
                kunci=hashlib.sha256(f"demo|kondisi_akhir|{indikator.pk}|{teks[0]}".encode()).hexdigest(),
            )
        )

    def skala(self, nama):
        if not nama:
            return None
        skala = SkalaTingkat.objects.filter(nama=nama).first()
        if skala is None:
            raise self.galat(f'skala tingkatan "{nama}" tidak ada.')
        return skala

    def tingkat(self, skala, nama):
        if not nama:
            return None
        if skala is None:
            raise self.galat(f'tingkatan "{nama}" untuk indikator tanpa skala tingkatan.')
        return Tingkat.objects.get(skala=skala, nama=nama)


def muat_berkas(path):
    """Load one demo file. Return (agency, True) when loaded, (agency, False) when it was there."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    ada = PerangkatDaerah.objects.filter(kode=data["opd"]["kode"]).first()
    if ada:
        return ada, False
    pemuat = _Pemuat(nama_berkas=Path(path).name)
    with transaction.atomic():
        pemuat.muat(data)
    return pemuat.opd, True


def muat_demo():
    """Load every demo agency; return [(agency, loaded)] in file order."""
    return [muat_berkas(FOLDER_DEMO / nama) for nama in BERKAS_DEMO]


AKUN_DEMO = [
    ("admin", "Admin", "Demo", Peran.ADMIN, None),
    ("verifikator", "Verifikator", "Bappeda", Peran.VERIFIKATOR, None),
    ("operator_belitung", "Operator", "DSPPPA Belitung", Peran.OPERATOR, "DSPPPA-BELITUNG"),
    ("operator_batubara", "Operator", "DSPPPA Batu Bara", Peran.OPERATOR, "DSPPPA-BATUBARA"),
    # The synthetic region's social agency (`demo --sintetis`): a quarter returned by the reviewer.
    ("operator_contoh", "Operator", "Dinsos Kabupaten Contoh", Peran.OPERATOR, "CTH-DINSOS"),
]


@transaction.atomic
def buat_akun_demo():
    """Create the development accounts that do not exist yet. Return (created, skipped): an
    operator account is skipped when its agency is not in the database.

    Refused unless DEBUG is on: these passwords are public.
    """
    if not settings.DEBUG:
        raise PermissionError("Akun demo hanya dibuat dalam mode pengembangan (DEBUG=True).")
    dibuat, dilewati = [], []
    for username, depan, belakang, peran, kode_opd in AKUN_DEMO:
        if User.objects.filter(username=username).exists():
            continue
        opd = PerangkatDaerah.objects.filter(kode=kode_opd).first() if kode_opd else None
        if kode_opd and opd is None:
            dilewati.append(f"{username} (perangkat daerah {kode_opd} tidak ada)")
            continue
        user = User(
            username=username,
            first_name=depan,
            last_name=belakang,
            opd=opd,
            is_staff=peran == Peran.ADMIN,
        )
        user.set_password(KATA_SANDI_DEMO)
        user.save()
        user.groups.add(Group.objects.get(name=peran.value))
        dibuat.append(username)
    return dibuat, dilewati
