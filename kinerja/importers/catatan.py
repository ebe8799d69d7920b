"""An import's warnings kept as data notes (kinerja.models.CatatanData), written in the import's
transaction once its rows are: each note names the value its row gave (the indicator, or the
budget node for a budget figure), the workbook, sheet and cell, the printed and the computed
value, and who imported it.

Importing the same workbook again raises the same warnings: a note already kept for the same
value, kind and figures is not repeated, and a note someone resolved is not reopened."""

import hashlib

from simple_history.utils import bulk_create_with_history

from kinerja.models import CatatanData, Realisasi, RealisasiAnggaran
from renstra.models import Indikator, Kegiatan, Pagu, Program, SubKegiatan, Target

# values of a budget row: their note belongs to the node, not to an indicator on the same row
MEDAN_ANGGARAN = {"pagu", "pagu_induk", "pagu_perubahan", "realisasi_anggaran", "serapan"}
_LEVEL_ANGGARAN = (SubKegiatan, Kegiatan, Program)
_PANJANG = {f.name: f.max_length for f in CatatanData._meta.fields if getattr(f, "max_length", None)}


def tujuan(masalah, objek):
    """{field: object} the note of `masalah` concerns, from the objects its row gave."""
    indikator = sub = None
    simpul = {}
    for obj in objek:
        if isinstance(obj, Indikator):
            indikator = indikator or obj
        elif isinstance(obj, (Realisasi, Target)):
            indikator = indikator or obj.indikator
        elif isinstance(obj, (RealisasiAnggaran, Pagu)):
            sub = sub or obj.sub_kegiatan
        elif isinstance(obj, _LEVEL_ANGGARAN):
            simpul.setdefault(type(obj), obj)
    if sub is not None:
        simpul.setdefault(SubKegiatan, sub)
    if indikator is not None and masalah.medan not in MEDAN_ANGGARAN:
        return {"indikator": indikator}
    for model, medan in zip(_LEVEL_ANGGARAN, ("sub_kegiatan", "kegiatan", "program"), strict=True):
        if model in simpul:
            return {medan: simpul[model]}
    return {"indikator": indikator} if indikator is not None else {}


def kunci(masalah, sasaran, tahun):
    """What makes two notes the same note: the value it concerns and what was found, or, for a
    note about no stored value, the place and message."""
    bagian = [masalah.jenis, masalah.medan, str(tahun), str(masalah.triwulan or "")]
    if sasaran:
        bagian += [f"{k}:{v.pk}" for k, v in sorted(sasaran.items())]
        bagian += [masalah.tercetak, masalah.dihitung]
    else:
        bagian += [masalah.lembar, masalah.sel, masalah.pesan]
    return hashlib.sha256("|".join(bagian).encode()).hexdigest()


def simpan_catatan(hasil, penyelaras, *, opd, tahun, user=None, berkas="", impor=None):
    """Keep the warnings of a written import as data notes; returns the notes created."""
    if opd is None or opd.pk is None:
        return []
    objek_letak = getattr(penyelaras, "objek_letak", {}) if penyelaras is not None else {}
    ada = {}  # kunci → whether a note with it is open
    for k, status in CatatanData.objects.filter(opd=opd).values_list("kunci", "status"):
        ada[k] = ada.get(k, False) or status == CatatanData.Status.TERBUKA
    baru, tetap = [], set()
    for m in hasil.peringatan:
        sasaran = tujuan(m, objek_letak.get((m.lembar, m.baris), ()))
        tahun_nilai = m.tahun or tahun
        k = kunci(m, sasaran, tahun_nilai)
        if k in ada or k in tetap:
            tetap.add(k)
            continue
        tetap.add(k)
        baru.append(
            CatatanData(
                opd=opd,
                tahun=tahun_nilai,
                jenis=m.jenis or CatatanData.Jenis.LAIN,
                pesan=m.pesan,
                tercetak=m.tercetak[: _PANJANG["tercetak"]],
                dihitung=m.dihitung[: _PANJANG["dihitung"]],
                medan=m.medan,
                triwulan=m.triwulan,
                impor=impor,
                berkas=berkas[: _PANJANG["berkas"]],
                lembar=m.lembar[: _PANJANG["lembar"]],
                sel=m.sel,
                kunci=k,
                dibuat_oleh=user,
                **sasaran,
            )
        )
    if impor is not None:
        # an open note raised again by this file now points to it
        terbuka = [k for k in tetap if ada.get(k)]
        if terbuka:
            CatatanData.objects.filter(opd=opd, kunci__in=terbuka, status=CatatanData.Status.TERBUKA).update(
                impor=impor
            )
    if baru:
        bulk_create_with_history(baru, CatatanData, default_user=user, default_change_reason="Impor")
    return baru
