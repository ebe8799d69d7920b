"""Writing one agency to an archive (see format.py): a fixed number of queries whatever its size,
then the evidence files one by one."""

import hashlib
import json
import os
import zipfile
from collections import defaultdict
from pathlib import Path, PurePath

from django.utils import timezone

from kinerja.audit import catat
from kinerja.models import DataDukung, NarasiLaporan, Pelaporan, Realisasi, RealisasiAnggaran
from renstra.models import (
    Indikator,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    Tingkat,
    Tujuan,
)

from .format import (
    FOLDER_BERKAS,
    JENIS,
    NAMA_DOKUMEN,
    VERSI_FORMAT,
    PindahGagal,
    hitung_isi,
    rujukan_simpul,
    tulis_kolom,
)

POTONGAN = 1024 * 1024


def _per(queryset, kunci):
    """The rows of `queryset` grouped by the id in field `kunci`, in the queryset's order."""
    kelompok = defaultdict(list)
    for obj in queryset:
        kelompok[getattr(obj, kunci)].append(obj)
    return kelompok


def _renstra_simpul(simpul):
    if isinstance(simpul, SubKegiatan):
        simpul = simpul.kegiatan
    if isinstance(simpul, Kegiatan):
        simpul = simpul.program
    return simpul.renstra


class _Penyusun:
    """Reads everything of one agency at once and builds the document from it."""

    def __init__(self, opd):
        self.opd = opd
        di_opd = {"renstra__opd": opd}
        self.indikator = list(
            Indikator.objects.filter(**di_opd)
            .select_related("skala_tingkat", "pendahulu__renstra")
            .order_by("renstra__tahun_awal", "renstra__revisi", "urutan", "id")
        )
        self.kunci = {}  # indicator id → "i1", "i2", … in the order the document meets them
        self.rincian = _per((i for i in self.indikator if i.induk_id), "induk_id")
        self.target = _per(Target.objects.filter(indikator__renstra__opd=opd).select_related("tingkat"), "indikator_id")
        self.realisasi = _per(
            Realisasi.objects.filter(indikator__renstra__opd=opd).select_related("tingkat"), "indikator_id"
        )
        self.data_dukung = _per(
            DataDukung.objects.filter(realisasi__indikator__renstra__opd=opd).order_by("diunggah_pada", "id"),
            "realisasi_id",
        )
        narasi = NarasiLaporan.objects.filter(opd=opd).order_by("tahun", "bagian", "id")
        self.narasi = _per(narasi, "indikator_id")
        di_sub = {"sub_kegiatan__kegiatan__program__renstra__opd": opd}
        self.pagu = _per(Pagu.objects.filter(**di_sub).select_related("sumber_dana"), "sub_kegiatan_id")
        self.anggaran = _per(RealisasiAnggaran.objects.filter(**di_sub), "sub_kegiatan_id")
        self.tujuan = _per(Tujuan.objects.filter(**di_opd), "renstra_id")
        self.sasaran = _per(Sasaran.objects.filter(tujuan__renstra__opd=opd), "tujuan_id")
        self.program = _per(
            Program.objects.filter(**di_opd).select_related("bidang", "sasaran__tujuan", "pendahulu__renstra"),
            "renstra_id",
        )
        self.kegiatan = _per(
            Kegiatan.objects.filter(program__renstra__opd=opd).select_related("bidang", "pendahulu__program__renstra"),
            "program_id",
        )
        self.sub = _per(
            SubKegiatan.objects.filter(kegiatan__program__renstra__opd=opd).select_related(
                "bidang", "pendahulu__kegiatan__program__renstra"
            ),
            "kegiatan_id",
        )
        self.per_simpul = {
            level: _per((i for i in self.indikator if not i.induk_id), f"{level}_id")
            for level in ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
        }
        self.berkas = []  # (entry of the document, DataDukung): the files to add

    def dokumen(self):
        opd = self.opd
        renstra = Renstra.objects.filter(opd=opd).select_related("mengganti").order_by("tahun_awal", "revisi")
        skala = {i.skala_tingkat for i in self.indikator if i.skala_tingkat_id}
        tingkat = _per(
            Tingkat.objects.filter(skala__indikator__renstra__opd=opd).distinct().order_by("skala_id", "urutan"),
            "skala_id",
        )
        sumber = {p.sumber_dana for daftar in self.pagu.values() for p in daftar}
        return {
            "jenis": JENIS,
            "versi_format": VERSI_FORMAT,
            "dibuat_pada": timezone.now().isoformat(),
            "opd": {**tulis_kolom(opd), "bidang": [tulis_kolom(b) for b in opd.bidang.all()]},
            "skala_tingkat": [
                {"nama": s.nama, "keterangan": s.keterangan, "tingkat": [t.nama for t in tingkat[s.pk]]}
                for s in sorted(skala, key=lambda s: s.nama)
            ],
            "sumber_dana": [{"nama": s.nama, "keterangan": s.keterangan} for s in sorted(sumber, key=lambda s: s.nama)],
            "renstra": [self._renstra(r) for r in renstra],
            "pelaporan": [
                {**tulis_kolom(p), "bidang": p.bidang.nama if p.bidang_id else None}
                for p in Pelaporan.objects.filter(opd=opd).select_related("bidang").order_by("tahun", "triwulan", "id")
            ],
            "narasi": [tulis_kolom(n) for n in self.narasi.get(None, [])],
        }

    def _renstra(self, r):
        if r.mengganti_id and r.mengganti.opd_id != self.opd.pk:
            raise PindahGagal(f"Renstra {r.periode} mengganti Renstra perangkat daerah lain; perbaiki dulu di Admin.")
        mengganti = {"tahun_awal": r.mengganti.tahun_awal, "revisi": r.mengganti.revisi} if r.mengganti_id else None
        return {
            **tulis_kolom(r),
            "mengganti": mengganti,
            "tujuan": [self._tujuan(t) for t in self.tujuan[r.pk]],
            "program": [self._program(p) for p in self.program[r.pk]],
        }

    def _tujuan(self, t):
        return {
            **tulis_kolom(t),
            "indikator": self._indikator_simpul("tujuan", t, lambda i: not i.sasaran_id),
            "sasaran": [
                {**tulis_kolom(s), "indikator": self._indikator_simpul("sasaran", s)} for s in self.sasaran[t.pk]
            ],
        }

    def _program(self, p):
        sasaran = {"tujuan": p.sasaran.tujuan.kode, "sasaran": p.sasaran.kode} if p.sasaran_id else None
        return {
            **tulis_kolom(p),
            "sasaran": sasaran,
            "bidang": p.bidang.nama if p.bidang_id else None,
            "pendahulu": self._pendahulu(p),
            "indikator": self._indikator_simpul("program", p),
            "kegiatan": [
                {
                    **tulis_kolom(k),
                    "bidang": k.bidang.nama if k.bidang_id else None,
                    "pendahulu": self._pendahulu(k),
                    "indikator": self._indikator_simpul("kegiatan", k),
                    "sub_kegiatan": [self._sub_kegiatan(s) for s in self.sub[k.pk]],
                }
                for k in self.kegiatan[p.pk]
            ],
        }

    def _sub_kegiatan(self, s):
        return {
            **tulis_kolom(s),
            "bidang": s.bidang.nama if s.bidang_id else None,
            "pendahulu": self._pendahulu(s),
            "indikator": self._indikator_simpul("sub_kegiatan", s),
            "pagu": [{**tulis_kolom(p), "sumber_dana": p.sumber_dana.nama} for p in self.pagu[s.pk]],
            "realisasi_anggaran": [tulis_kolom(r) for r in self.anggaran[s.pk]],
        }

    def _pendahulu(self, simpul):
        """The node of the older nomenclature `simpul` replaces, by natural keys (rujukan_simpul)."""
        if not simpul.pendahulu_id:
            return None
        if _renstra_simpul(simpul.pendahulu).opd_id != self.opd.pk:
            raise PindahGagal(
                f'{simpul._meta.verbose_name.capitalize()} "{simpul}" menggantikan {simpul._meta.verbose_name} '
                f'milik perangkat daerah lain ("{simpul.pendahulu}"); perbaiki dulu di Admin.'
            )
        return rujukan_simpul(simpul.pendahulu)

    def _indikator_simpul(self, level, simpul, saring=lambda i: True):
        return [self._indikator(i) for i in self.per_simpul[level][simpul.pk] if saring(i)]

    def _indikator(self, i):
        pendahulu = None
        if i.pendahulu_id:
            if i.pendahulu.renstra.opd_id != self.opd.pk:
                raise PindahGagal(
                    f'Indikator "{i}" menunjuk pendahulu milik perangkat daerah lain ("{i.pendahulu}"); '
                    "perbaiki dulu di Admin."
                )
            pendahulu = self._kunci(i.pendahulu_id)
        return {
            "kunci": self._kunci(i.pk),
            **tulis_kolom(i),
            "skala_tingkat": i.skala_tingkat.nama if i.skala_tingkat_id else None,
            "juga_tujuan": bool(i.tujuan_id and i.sasaran_id),
            "pendahulu": pendahulu,
            "target": [
                {**tulis_kolom(t), "tingkat": t.tingkat.nama if t.tingkat_id else None} for t in self.target[i.pk]
            ],
            "realisasi": [self._realisasi(r) for r in self.realisasi[i.pk]],
            "narasi": [tulis_kolom(n) for n in self.narasi[i.pk]],
            "rincian": [self._indikator(r) for r in self.rincian[i.pk]],
        }

    def _kunci(self, indikator_id):
        return self.kunci.setdefault(indikator_id, f"i{len(self.kunci) + 1}")

    def _realisasi(self, r):
        data_dukung = []
        for d in self.data_dukung[r.pk]:
            entri = tulis_kolom(d)
            self.berkas.append((entri, d))
            data_dukung.append(entri)
        return {**tulis_kolom(r), "tingkat": r.tingkat.nama if r.tingkat_id else None, "data_dukung": data_dukung}


def _salin_berkas(arsip, entri, data_dukung, nomor):
    """Add one evidence file to the archive; its entry gets the name inside it and its SHA-256."""
    nama = f"{FOLDER_BERKAS}{nomor:05d}{PurePath(data_dukung.berkas.name).suffix.lower()[:10]}"
    sidik = hashlib.sha256()
    try:
        with data_dukung.berkas.open("rb") as sumber, arsip.open(nama, "w", force_zip64=True) as tujuan:
            while potongan := sumber.read(POTONGAN):
                sidik.update(potongan)
                tujuan.write(potongan)
    except FileNotFoundError as e:
        raise PindahGagal(
            f'Berkas data dukung "{data_dukung.nama_asli}" ({data_dukung.berkas.name}) tidak ada di MEDIA_ROOT; '
            "unggah ulang atau hapus data dukung itu dulu."
        ) from e
    entri["berkas"] = nama
    entri["sha256"] = sidik.hexdigest()


def ekspor_opd(kode, keluaran):
    """Write the agency `kode` with everything it holds to the ZIP file `keluaran` (a path), and
    return what it holds ({verbose_name_plural: rows}). The file appears whole or not at all."""
    opd = PerangkatDaerah.objects.filter(kode=kode).first()
    if opd is None:
        raise PindahGagal(f'Perangkat daerah dengan kode "{kode}" tidak ditemukan.')
    penyusun = _Penyusun(opd)
    dokumen = penyusun.dokumen()
    keluaran = Path(keluaran)
    sementara = keluaran.with_name(f".{keluaran.name}.sementara")
    try:
        with zipfile.ZipFile(sementara, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
            for nomor, (entri, data_dukung) in enumerate(penyusun.berkas, start=1):
                _salin_berkas(arsip, entri, data_dukung, nomor)
            arsip.writestr(NAMA_DOKUMEN, json.dumps(dokumen, ensure_ascii=False, indent=1))
        os.replace(sementara, keluaran)
    finally:
        sementara.unlink(missing_ok=True)
    jumlah = hitung_isi(opd)
    catat(
        "opd.diekspor",
        opd=opd.kode,
        berkas=keluaran.name,
        indikator=jumlah[Indikator._meta.verbose_name_plural],
        data_dukung=len(penyusun.berkas),
    )
    return jumlah
