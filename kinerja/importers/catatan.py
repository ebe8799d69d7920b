"""An import's warnings kept as data notes (kinerja.models.CatatanData), written in the import's
transaction once its rows are: each note names the value its row gave (the indicator, or the
budget node for a budget figure), the workbook, sheet and cell, the printed and the computed
value, and who imported it.

Importing the same workbook again raises the same warnings: a note already kept for the same
value, kind and figures is not repeated, and a note someone resolved is not reopened.

A printed total the admin answered before the write (kinerja.importers.keputusan) keeps the
answer: a slip of the printed total is resolved as such, a wrong part stays open naming the
parts; an open note of an earlier import takes the new answer."""

import hashlib

from simple_history.utils import bulk_create_with_history

from kinerja.models import CatatanData, Realisasi, RealisasiAnggaran
from renstra.models import Indikator, Kegiatan, Pagu, Program, SubKegiatan, Target

from .keputusan import PILIHAN, isi_catatan

# values of a budget row: their note belongs to the node, not to an indicator on the same row
MEDAN_ANGGARAN = {"pagu", "pagu_induk", "pagu_perubahan", "realisasi_anggaran", "serapan"}
# the node's own code and name (the nomenclature's checks): the node's too
MEDAN_SIMPUL = MEDAN_ANGGARAN | {"kode", "uraian"}
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
    if indikator is not None and masalah.medan not in MEDAN_SIMPUL:
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


def simpan_catatan(hasil, penyelaras, *, opd, tahun, user=None, berkas="", impor=None, keputusan=None):
    """Keep the warnings of a written import as data notes; returns the notes created.
    `keputusan`: the admin's answers to the printed totals ({Masalah.kunci_keputusan: pilihan})."""
    if opd is None or opd.pk is None:
        return []
    objek_letak = getattr(penyelaras, "objek_letak", {}) if penyelaras is not None else {}
    ada = {}  # kunci → whether a note with it is open
    for k, status in CatatanData.objects.filter(opd=opd).values_list("kunci", "status"):
        ada[k] = ada.get(k, False) or status == CatatanData.Status.TERBUKA
    baru, tetap, diputuskan = [], set(), {}
    for m in hasil.peringatan:
        sasaran = tujuan(m, objek_letak.get((m.lembar, m.baris), ()))
        tahun_nilai = m.tahun or tahun
        k = kunci(m, sasaran, tahun_nilai)
        pilihan = (keputusan or {}).get(m.kunci_keputusan) if m.jenis == CatatanData.Jenis.JUMLAH else None
        putusan = isi_catatan(m, pilihan, user) if pilihan in PILIHAN else {}
        if k in ada or k in tetap:
            if putusan and ada.get(k):
                diputuskan[k] = putusan
            tetap.add(k)
            continue
        tetap.add(k)
        baru.append(
            CatatanData(
                opd=opd,
                tahun=tahun_nilai,
                jenis=m.jenis or CatatanData.Jenis.LAIN,
                pesan=putusan.get("pesan", m.pesan),
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
                **{medan: nilai for medan, nilai in putusan.items() if medan != "pesan"},
            )
        )
        if putusan:
            baru[-1]._change_reason = f"Impor: {PILIHAN[pilihan].lower()}"
    if impor is not None:
        # an open note raised again by this file now points to it
        terbuka = [k for k in tetap if ada.get(k)]
        if terbuka:
            CatatanData.objects.filter(opd=opd, kunci__in=terbuka, status=CatatanData.Status.TERBUKA).update(
                impor=impor
            )
    for c in CatatanData.objects.filter(opd=opd, kunci__in=diputuskan, status=CatatanData.Status.TERBUKA):
        if (c.status, c.pesan) == (diputuskan[c.kunci]["status"], diputuskan[c.kunci].get("pesan", c.pesan)):
            continue  # the same answer as before
        for medan, nilai in diputuskan[c.kunci].items():
            setattr(c, medan, nilai)
        c._history_user = user
        c._change_reason = "Impor: keputusan jumlah tercetak"
        c.save()
    if baru:
        bulk_create_with_history(baru, CatatanData, default_user=user, default_change_reason="Impor")
    return baru
