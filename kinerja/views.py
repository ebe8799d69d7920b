"""Pages of the quarterly entry, its evidence files, the verification workflow and the history.

Every object is reached through the user's scope (their agency, their bidang; every agency for
reviewers); an id outside it answers 404, an action the role may not take 403.
"""

import contextlib
import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent, ValidationError
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from kinerja import rules
from renstra.models import Bidang, Indikator, PerangkatDaerah

from . import diskusi, services
from .forms import (
    TIPE_KONTEN,
    AlasanForm,
    AnggaranForm,
    CatatanForm,
    DataDukungForm,
    DiskusiForm,
    RealisasiForm,
    TindakLanjutForm,
    pesan_form,
)
from .importers import isian_triwulan as isian_luring
from .isian import (
    awal_anggaran,
    awal_realisasi,
    data_baris,
    hitung_seperti_diketik,
    isian_dari_form,
    isian_setelah_bentrok,
    pratinjau_baris,
)
from .models import DataDukung, Pelaporan, RentangPredikat, TindakLanjut
from .periode import batas_waktu, romawi, sudah_lewat, triwulan_pelaporan
from .predikat import warna_teks
from .riwayat import riwayat_indikator, riwayat_triwulan
from .selectors import (
    daftar_pelaporan,
    data_dukung_baris,
    indikator_pelaporan,
    isian_bagian,
    isian_triwulan,
    menunggu_verifikasi,
    ringkasan_pelaporan,
    tahun_pelaporan,
    triwulan_verifikasi,
    unit_pelaporan,
)
from .tenggat import Keadaan

RIWAYAT_DITAMPILKAN = 50  # newest changes on the review page; each indicator's page has them all


def _triwulan_sah(tahun, triwulan):
    if not 1 <= triwulan <= 4 or not 2000 <= tahun <= 2100:
        raise Http404("Triwulan tidak dikenal.")


def _unit_operator(request):
    """The agency and unit (bidang or None) the operator works on; 403 for other roles."""
    user = request.user
    if not user.opd_id or not user.has_perm("kinerja.change_realisasi"):
        raise PermissionDenied("Halaman isian hanya untuk operator perangkat daerah.")
    opd = user.opd
    if not opd.pelaporan_per_bidang:
        return opd, None
    if user.bidang_id:
        return opd, user.bidang
    unit = request.GET.get("unit") or request.POST.get("unit") or ""
    if unit.isdigit():
        return opd, get_object_or_404(Bidang, pk=unit, opd=opd)
    return opd, None


def _url_isian(tahun, triwulan, bidang=None, anchor="", bagian=""):
    """The entry page of a unit (and of one of its parts)."""
    kueri = urlencode([(k, v) for k, v in (("unit", bidang.pk if bidang else ""), ("bagian", bagian)) if v])
    url = reverse("kinerja:isian", args=[tahun, triwulan])
    return url + (f"?{kueri}" if kueri else "") + (f"#{anchor}" if anchor else "")


def _url_halaman(halaman, anchor=""):
    """The page shown: its unit and, when the unit is split, its part."""
    bagian = halaman.bagian_ini.kunci if halaman.bagian_ini else ""
    return _url_isian(halaman.tahun, halaman.triwulan, halaman.bidang, anchor, bagian)


def _isian(request, opd, bidang, tahun, triwulan, **pilih):
    return isian_bagian(opd, tahun, triwulan, bidang=bidang, pengguna=request.user, **pilih)


def _baris_isian(request, opd, bidang, tahun, triwulan, indikator_id):
    """The page of the user's unit (its part holding the row, when it is split) and its row of
    `indikator_id` (404 when not theirs)."""
    halaman = _isian(request, opd, bidang, tahun, triwulan, indikator_id=indikator_id)
    baris = next((b for b in halaman.baris if b.indikator.pk == indikator_id), None)
    if baris is None:
        raise Http404("Indikator tidak ada dalam isian Anda.")
    return halaman, baris


def _halaman(request, tahun, triwulan, opd, bidang, data=None, bagian=""):
    """The page of the unit (or of its part `bagian`) with a row form each: bound to `data` when
    it holds the row, else filled from the store."""
    halaman = _isian(request, opd, bidang, tahun, triwulan, bagian=bagian)
    if halaman.bagian and halaman.bagian_ini is None:
        raise Http404("Bagian isian ini tidak ada.")
    for b in halaman.baris:
        prefix = f"r{b.indikator.pk}"
        b.form = RealisasiForm(data_baris(data, prefix), prefix=prefix, indikator=b.indikator, tingkatan=b.tingkatan)
        if not b.form.is_bound:
            awal_realisasi(b.form, b.realisasi_ini)
    for a in halaman.anggaran:
        prefix = f"a{a.sub_kegiatan.pk}"
        a.form = AnggaranForm(data_baris(data, prefix), prefix=prefix)
        if not a.form.is_bound:
            awal_anggaran(a.form, a.realisasi_ini)
    return halaman


def _kunci_draf(request, halaman):
    """Where the browser keeps the operator's typing on this page (sessionStorage, isian.js)."""
    unit = halaman.bidang.pk if halaman.bidang else "opd"
    bagian = halaman.bagian_ini.kunci if halaman.bagian_ini else "semua"
    return f"kinerja-isian:{request.user.pk}:{halaman.tahun}:{halaman.triwulan}:{unit}:{bagian}"


def _konteks(request, halaman, pelaporan, **lain):
    return {
        "url_halaman": _url_halaman(halaman),
        "kunci_draf": _kunci_draf(request, halaman),
        "halaman": halaman,
        "pelaporan": pelaporan,
        "dapat_diubah": pelaporan.status in services.DAPAT_DIUBAH,
        "batas_waktu": batas_waktu(halaman.tahun, halaman.triwulan, pelaporan),
        "lewat": sudah_lewat(halaman.tahun, halaman.triwulan, pelaporan),
        "unit_lain": unit_pelaporan(halaman.opd) if not request.user.bidang_id else [],
        "pilihan_tahun": tahun_pelaporan(halaman.opd, halaman.tahun, timezone.localdate().year),
        "ukuran_maks_mb": settings.KINERJA_UKURAN_DATA_DUKUNG_MB,
        "diskusi": diskusi.diskusi_pelaporan(pelaporan),
        **lain,
    }


@login_required
def isian_sekarang(request):
    """The current reporting quarter, or the one chosen in the period form (?tahun=&triwulan=)."""
    tahun, triwulan = triwulan_pelaporan()
    with contextlib.suppress(ValueError):
        tahun, triwulan = int(request.GET.get("tahun", tahun)), int(request.GET.get("triwulan", triwulan))
    _triwulan_sah(tahun, triwulan)
    url = reverse("kinerja:isian", args=[tahun, triwulan])
    unit = request.GET.get("unit", "")
    return redirect(url + (f"?unit={unit}" if unit.isdigit() else ""))


@login_required
def isian(request, tahun, triwulan):
    """The operator's entry page for a quarter (of one part of it, for a large unit); POST saves
    the rows sent (every row of the page without JavaScript, the changed ones with it) in one
    transaction, and leaves the rows not sent as they are."""
    _triwulan_sah(tahun, triwulan)
    opd, bidang = _unit_operator(request)
    pelaporan = services.pelaporan_unit(opd, bidang, tahun, triwulan)
    if not request.user.has_perm("kinerja.isi_pelaporan", pelaporan):
        raise PermissionDenied("Anda tidak dapat mengisi realisasi unit ini.")
    bagian = request.GET.get("bagian") or request.POST.get("bagian") or ""
    if request.method != "POST":
        halaman = _halaman(request, tahun, triwulan, opd, bidang, bagian=bagian)
        return render(request, "kinerja/isian.html", _konteks(request, halaman, pelaporan))

    halaman = _halaman(request, tahun, triwulan, opd, bidang, data=request.POST, bagian=bagian)
    bagian = halaman.bagian_ini.kunci if halaman.bagian_ini else ""
    galat = [(b, b.form) for b in halaman.baris if b.form.is_bound and not b.form.is_valid()]
    galat += [(a, a.form) for a in halaman.anggaran if a.form.is_bound and not a.form.is_valid()]
    if galat:
        hitung_seperti_diketik(halaman)
        return render(request, "kinerja/isian.html", _konteks(request, halaman, pelaporan, galat=galat), status=400)
    baris, anggaran = isian_dari_form(halaman)
    try:
        hasil = services.simpan_isian(
            user=request.user,
            pelaporan=pelaporan,
            baris=baris,
            anggaran=anggaran,
            boleh_diubah={b.indikator.pk for b in halaman.baris},
        )
    except services.Konflik as konflik:
        segar = _halaman(request, tahun, triwulan, opd, bidang, bagian=bagian)
        data = isian_setelah_bentrok(halaman, segar, request.POST)
        halaman = _halaman(request, tahun, triwulan, opd, bidang, data=data, bagian=bagian)
        hitung_seperti_diketik(halaman)
        konteks = _konteks(request, halaman, pelaporan, bentrok=konflik.bentrok)
        return render(request, "kinerja/isian.html", konteks, status=409)
    except ValidationError as e:
        hitung_seperti_diketik(halaman)
        konteks = _konteks(request, halaman, pelaporan, galat_simpan=e.messages)
        return render(request, "kinerja/isian.html", konteks, status=400)
    except IntegrityError:  # a new row saved by someone else in the same instant
        hitung_seperti_diketik(halaman)
        pesan = "Orang lain menyimpan baris yang sama pada saat yang sama. Simpan sekali lagi untuk melihat nilainya."
        konteks = _konteks(request, halaman, pelaporan, galat_simpan=[pesan])
        return render(request, "kinerja/isian.html", konteks, status=409)
    if hasil.realisasi or hasil.anggaran:
        messages.success(
            request, f"Tersimpan: {hasil.realisasi} realisasi indikator dan {hasil.anggaran} realisasi keuangan."
        )
    else:
        messages.info(request, "Tidak ada yang berubah.")
    return redirect(_url_halaman(halaman))


@login_required
@require_GET
def unduh_isian(request, tahun, triwulan):
    """The unit's quarter as a workbook to fill offline (every part of a split page), brought
    back through the import (kinerja/importers/isian_triwulan.py)."""
    _triwulan_sah(tahun, triwulan)
    opd, bidang = _unit_operator(request)
    pelaporan = services.pelaporan_unit(opd, bidang, tahun, triwulan)
    if not request.user.has_perm("kinerja.isi_pelaporan", pelaporan):
        raise PermissionDenied("Anda tidak dapat mengisi realisasi unit ini.")
    halaman = isian_triwulan(opd, tahun, triwulan, bidang=bidang, pengguna=request.user)
    isi = isian_luring.buat_buku(halaman, pelaporan, request.user)
    unit = f"-bidang-{bidang.pk}" if bidang else ""
    respons = HttpResponse(isi, content_type=TIPE_KONTEN[".xlsx"])
    respons["Content-Disposition"] = f'attachment; filename="isian-{opd.kode}-{tahun}-tw{triwulan}{unit}.xlsx"'
    return respons


@login_required
@require_POST
def pratinjau(request, tahun, triwulan, indikator_id):
    """htmx: the value so far, capaian and predikat of a row as typed, computed by the server."""
    _triwulan_sah(tahun, triwulan)
    opd, bidang = _unit_operator(request)
    halaman, baris = _baris_isian(request, opd, bidang, tahun, triwulan, indikator_id)
    return render(request, "kinerja/_hasil_baris.html", pratinjau_baris(baris, request.POST, halaman))


@login_required
@require_POST
def ajukan(request, tahun, triwulan):
    _triwulan_sah(tahun, triwulan)
    opd, bidang = _unit_operator(request)
    pelaporan = services.pelaporan_unit(opd, bidang, tahun, triwulan)
    if pelaporan.status not in services.DAPAT_DIUBAH:  # e.g. a second click on a slow connection
        messages.info(request, f"Triwulan ini sudah berstatus {pelaporan.get_status_display().lower()}.")
        return redirect(_url_isian(tahun, triwulan, bidang))
    indikator = indikator_pelaporan(opd, tahun, bidang)  # the whole unit, every bidang's rows
    try:
        services.ajukan_pelaporan(user=request.user, pelaporan=pelaporan, indikator=indikator)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, "Triwulan ini telah diajukan untuk diverifikasi.")
    return redirect(_url_isian(tahun, triwulan, bidang))


def _hasil_data_dukung(request, halaman, baris, pesan, gagal=False):
    """After an upload or a removal: with htmx, the row's evidence list in place (what the
    operator typed elsewhere on the page stays); without, back to the page with a message."""
    if not request.htmx:
        (messages.error if gagal else messages.success)(request, pesan)
        return redirect(_url_halaman(halaman, f"baris-{baris.indikator.pk}"))
    baris.data_dukung = data_dukung_baris(baris.indikator, halaman.tahun, halaman.triwulan)
    konteks = {
        "baris": baris,
        "halaman": halaman,
        "dapat_diubah": True,
        "ukuran_maks_mb": settings.KINERJA_UKURAN_DATA_DUKUNG_MB,
        "pesan_unggah": pesan,
        "unggah_gagal": gagal,
        "oob": True,
    }
    return render(request, "kinerja/_data_dukung.html", konteks)


@login_required
@require_POST
def unggah(request, tahun, triwulan, indikator_id):
    _triwulan_sah(tahun, triwulan)
    opd, bidang = _unit_operator(request)
    halaman, baris = _baris_isian(request, opd, bidang, tahun, triwulan, indikator_id)
    pelaporan = services.pelaporan_unit(opd, bidang, tahun, triwulan)
    services.periksa_dapat_diisi(request.user, pelaporan)
    form = DataDukungForm(request.POST, request.FILES)
    if not form.is_valid():
        pesan = f'Data dukung "{baris.indikator}": ' + " ".join(form.errors["berkas"])
        return _hasil_data_dukung(request, halaman, baris, pesan, gagal=True)
    berkas = form.cleaned_data["berkas"]
    try:
        services.unggah_data_dukung(user=request.user, pelaporan=pelaporan, indikator=baris.indikator, berkas=berkas)
    except ValidationError as e:  # over a limit, or the quarter was submitted meanwhile
        pesan = f'Data dukung "{berkas.name}" tidak disimpan: ' + " ".join(e.messages)
        return _hasil_data_dukung(request, halaman, baris, pesan, gagal=True)
    return _hasil_data_dukung(request, halaman, baris, f'Data dukung "{berkas.name}" tersimpan.')


def _data_dukung_terlihat(request, pk):
    data_dukung = get_object_or_404(DataDukung.objects.select_related("realisasi__indikator__renstra"), pk=pk)
    if not request.user.has_perm("kinerja.lihat_opd", data_dukung):
        raise Http404("Data dukung tidak ditemukan.")
    return data_dukung


@login_required
def unduh_data_dukung(request, pk):
    """An evidence file, always as a download and only for users who may see its agency."""
    data_dukung = _data_dukung_terlihat(request, pk)
    tipe = TIPE_KONTEN.get(data_dukung.akhiran, "application/octet-stream")
    return FileResponse(
        data_dukung.berkas.open("rb"), as_attachment=True, filename=data_dukung.nama_unduhan, content_type=tipe
    )


@login_required
@require_POST
def hapus_data_dukung(request, pk):
    data_dukung = _data_dukung_terlihat(request, pk)
    r = data_dukung.realisasi
    opd, bidang = _unit_operator(request)
    halaman, baris = _baris_isian(request, opd, bidang, r.tahun, r.triwulan, r.indikator_id)  # 404 unless theirs
    pelaporan = services.pelaporan_unit(opd, bidang, r.tahun, r.triwulan)
    services.periksa_dapat_diisi(request.user, pelaporan)
    try:
        services.hapus_data_dukung(user=request.user, pelaporan=pelaporan, data_dukung=data_dukung)
    except ValidationError as e:  # the quarter was submitted meanwhile
        pesan = f'Data dukung "{data_dukung.nama_asli}" tidak dihapus: ' + " ".join(e.messages)
        return _hasil_data_dukung(request, halaman, baris, pesan, gagal=True)
    return _hasil_data_dukung(request, halaman, baris, f'Data dukung "{data_dukung.nama_asli}" dihapus.')


def _ukuran_mb(ukuran):
    """Bytes as MB the Indonesian way, without a needless ",0" ("10", "2,5")."""
    return rules.format_angka(Decimal(ukuran) / 1024 / 1024, 1).removesuffix(",0")


def bad_request(request, exception):
    """Django's handler400. A save of the entry page over the form limits (fields, size) is
    refused while the CSRF check reads the form, before any view: it answers 413 with what
    happened, the limit, and the way back to the same page and part, where the browser restores
    the typing it kept (static/js/isian.js). The form is not read again (it cannot be). Any other
    bad request gets templates/400.html."""
    if isinstance(exception, (TooManyFieldsSent, RequestDataTooBig)):
        with contextlib.suppress(Resolver404):
            if resolve(request.path_info).view_name == "kinerja:isian":
                konteks = {
                    "url_kembali": request.get_full_path(),
                    "terlalu_banyak": isinstance(exception, TooManyFieldsSent),
                    "maks_kolom": rules.format_angka(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS or 0, 0),
                    "maks_mb": _ukuran_mb(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0),
                }
                return render(request, "kinerja/isian_terlalu_besar.html", konteks, status=413)
    return render(request, "400.html", status=400)


# --- verification -------------------------------------------------------------------------


def _periksa_penelaah(user):
    if not user.has_perm("renstra.lihat_semua_opd"):
        raise PermissionDenied("Halaman verifikasi untuk verifikator dan admin.")


def _periode_verifikasi(request, menunggu):
    """The quarter asked for (?tahun=&triwulan=); what is not asked, from the quarter the list
    opens on (selectors.triwulan_verifikasi)."""
    tahun, triwulan = triwulan_verifikasi(menunggu)
    try:
        tahun = int(request.GET.get("tahun", tahun))
        triwulan = int(request.GET.get("triwulan", triwulan))
    except ValueError as e:
        raise Http404("Periode tidak dikenal.") from e
    _triwulan_sah(tahun, triwulan)
    return tahun, triwulan


@login_required
def verifikasi_daftar(request):
    """Every submission of a quarter: by default the quarter where most wait for a decision,
    with the other quarters waiting as links above the list. Fixed number of queries."""
    _periksa_penelaah(request.user)
    menunggu = menunggu_verifikasi()
    tahun, triwulan = _periode_verifikasi(request, menunggu)
    status = request.GET.get("status", "")
    keadaan = request.GET.get("tenggat", "")
    semua = daftar_pelaporan(tahun, triwulan)
    ringkasan, terlambat = ringkasan_pelaporan(semua)
    return render(
        request,
        "kinerja/verifikasi_daftar.html",
        {
            "baris": [
                b for b in semua if (not status or b.status == status) and (not keadaan or b.tenggat.keadaan == keadaan)
            ],
            "ringkasan": ringkasan,
            "jumlah_terlambat": terlambat,
            "menunggu": menunggu,
            "tahun": tahun,
            "triwulan": triwulan,
            "status": status,
            "pilihan_status": Pelaporan.Status,
            "tenggat": keadaan,
            "pilihan_tenggat": Keadaan,
        },
    )


def _unit_tinjauan(request, kode, tahun, triwulan):
    _periksa_penelaah(request.user)
    _triwulan_sah(tahun, triwulan)
    opd = get_object_or_404(PerangkatDaerah.objects.for_user(request.user), kode=kode)
    unit = request.GET.get("unit") or request.POST.get("unit") or ""
    bidang = get_object_or_404(Bidang, pk=unit, opd=opd) if unit.isdigit() else None
    return opd, bidang, services.pelaporan_unit(opd, bidang, tahun, triwulan)


@dataclass
class CatatanLangkah:
    """The note of the workflow step that gave a submission its status: who took the step and
    when (unknown for a row written without history), and the note."""

    langkah: str
    oleh: object
    pada: object
    teks: str


# The steps that leave a note on the submission, by the status they give it.
LANGKAH_BERCATATAN = {
    Pelaporan.Status.DIKEMBALIKAN: "Dikembalikan",
    Pelaporan.Status.DIVERIFIKASI: "Diverifikasi",
    Pelaporan.Status.DRAFT: "Dibuka kembali",
}


def _catatan_langkah(pelaporan):
    """The current step's note (services keep only that one on the submission), or None. A
    return and a reopening record who took them only in the history: the first of its newest
    records in the current status (an extension of the deadline saves the status unchanged)."""
    langkah = LANGKAH_BERCATATAN.get(pelaporan.status)
    if langkah is None or not pelaporan.pk or not pelaporan.catatan:
        return None
    if pelaporan.status == Pelaporan.Status.DIVERIFIKASI:
        return CatatanLangkah(langkah, pelaporan.diverifikasi_oleh, pelaporan.diverifikasi_pada, pelaporan.catatan)
    awal = None
    for catatan in pelaporan.history.select_related("history_user"):  # newest first
        if catatan.status != pelaporan.status:
            break
        awal = catatan
    return CatatanLangkah(langkah, awal and awal.history_user, awal and awal.history_date, pelaporan.catatan)


def _catatan_pada_langkahnya(riwayat):
    """The timeline with each submission note beside the step that wrote it ("Dikembalikan:
    Lampirkan ...") rather than as a change of the note: submitting again clears a return's
    note, which is no step's note, and a reopening's reason is its history reason already."""
    label = str(Pelaporan._meta.get_field("catatan").verbose_name)
    for peristiwa in riwayat:
        catatan = next(
            (c for c in peristiwa.perubahan if c.field == label or getattr(c, "nama", "") == "catatan"), None
        )
        if catatan is None:
            continue
        peristiwa.perubahan = [c for c in peristiwa.perubahan if c is not catatan]
        if catatan.baru != "–" and catatan.baru not in peristiwa.alasan:
            peristiwa.alasan = f"{peristiwa.alasan or 'Catatan'}: {catatan.baru}"
    return riwayat


def _halaman_tinjau(request, opd, bidang, pelaporan, form_catatan=None, status=200):
    halaman = isian_triwulan(opd, pelaporan.tahun, pelaporan.triwulan, bidang=bidang)
    riwayat = _catatan_pada_langkahnya(riwayat_triwulan(halaman))
    return render(
        request,
        "kinerja/tinjau.html",
        {
            "halaman": halaman,
            "pelaporan": pelaporan,
            "catatan_langkah": _catatan_langkah(pelaporan),
            "batas_waktu": batas_waktu(pelaporan.tahun, pelaporan.triwulan, pelaporan),
            "riwayat": riwayat[:RIWAYAT_DITAMPILKAN],
            "jumlah_riwayat": len(riwayat),
            "form_catatan": form_catatan or CatatanForm(),
            "form_alasan": AlasanForm(),
            "diskusi": diskusi.diskusi_pelaporan(pelaporan),
            "jenis_catatan": diskusi.JENIS_VERIFIKATOR,
            "boleh_putuskan": request.user.has_perm("kinerja.putuskan_pelaporan", pelaporan)
            and pelaporan.status == Pelaporan.Status.DIAJUKAN,
            "boleh_buka": request.user.has_perm("kinerja.buka_pelaporan", pelaporan)
            and pelaporan.status in (Pelaporan.Status.DIAJUKAN, Pelaporan.Status.DIVERIFIKASI),
        },
        status=status,
    )


@login_required
def tinjau(request, kode, tahun, triwulan):
    """A submission read-only, with capaian, predikat and the history of its quarter."""
    opd, bidang, pelaporan = _unit_tinjauan(request, kode, tahun, triwulan)
    return _halaman_tinjau(request, opd, bidang, pelaporan)


@login_required
@require_POST
def putuskan(request, kode, tahun, triwulan):
    """Verify or return a submission. A note the form refuses (too long) decides nothing: the
    review page comes back with the note as written and the reason."""
    opd, bidang, pelaporan = _unit_tinjauan(request, kode, tahun, triwulan)
    aksi = request.POST.get("aksi")
    if aksi not in ("verifikasi", "kembalikan"):
        return HttpResponseBadRequest("Pilih Verifikasi atau Kembalikan.")
    form = CatatanForm(request.POST)
    if not form.is_valid():
        return _halaman_tinjau(request, opd, bidang, pelaporan, form_catatan=form, status=400)
    catatan = form.cleaned_data["catatan"]
    try:
        if aksi == "verifikasi":
            services.verifikasi_pelaporan(user=request.user, pelaporan=pelaporan, catatan=catatan)
            messages.success(request, f"{pelaporan.bidang or opd} TW {romawi(triwulan)} {tahun} diverifikasi.")
        else:
            services.kembalikan_pelaporan(user=request.user, pelaporan=pelaporan, catatan=catatan)
            messages.success(request, f"{pelaporan.bidang or opd} TW {romawi(triwulan)} {tahun} dikembalikan.")
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect(pelaporan.url_tinjau())


@login_required
@require_POST
def buka_kembali(request, kode, tahun, triwulan):
    _, _, pelaporan = _unit_tinjauan(request, kode, tahun, triwulan)
    if not request.user.has_perm("kinerja.buka_pelaporan", pelaporan):
        raise PermissionDenied("Hanya admin yang dapat membuka kembali pelaporan.")
    form = AlasanForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Tulis alasan membuka kembali.")
        services.buka_kembali_pelaporan(user=request.user, pelaporan=pelaporan, alasan=form.cleaned_data["alasan"])
        messages.success(request, "Pelaporan dibuka kembali; operator dapat mengubah isiannya.")
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect(pelaporan.url_tinjau())


# --- history --------------------------------------------------------------------------------


@login_required
def riwayat(request, pk):
    """Every change of an indicator: its definition, targets and realisations, who and when."""
    indikator = get_object_or_404(Indikator.objects.select_related("renstra__opd"), pk=pk)
    if not request.user.has_perm("kinerja.lihat_opd", indikator):
        raise Http404("Indikator tidak ditemukan.")
    return render(request, "kinerja/riwayat.html", {"indikator": indikator, "peristiwa": riwayat_indikator(indikator)})


def gaya_predikat(request):
    """The colours of the predikat bands, as a stylesheet (no inline styles: CSP-friendly)."""
    warna = sorted(
        {w for w in RentangPredikat.objects.values_list("warna", flat=True) if re.fullmatch(r"#[0-9a-fA-F]{6}", w)}
    )
    css = "\n".join(f'.predikat[data-warna="{w}"] {{ background-color: {w}; color: {warna_teks(w)}; }}' for w in warna)
    respons = HttpResponse(css, content_type="text/css; charset=utf-8")
    respons["Cache-Control"] = "max-age=300"
    return respons


# --- the discussion of a submission and the follow-up of its recommendations -----------------


def _tulis_catatan(request, pelaporan):
    """Write the note of the form sent (kinerja/diskusi.py checks who may write what), with a
    message of what happened."""
    form = DiskusiForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Catatan tidak disimpan. {pesan_form(form)}")
        return
    try:
        diskusi.tulis_catatan(request.user, pelaporan, **form.cleaned_data)
    except ValidationError as e:
        messages.error(request, "Catatan tidak disimpan. " + " ".join(e.messages))
    else:
        messages.success(request, "Jawaban tersimpan." if form.cleaned_data["menjawab"] else "Catatan tersimpan.")


@login_required
@require_POST
def diskusi_isian(request, tahun, triwulan):
    """An operator's note on their unit's quarter, or their answer to a note; back to the entry page."""
    _triwulan_sah(tahun, triwulan)
    opd, bidang = _unit_operator(request)
    _tulis_catatan(request, services.pelaporan_unit(opd, bidang, tahun, triwulan))
    return redirect(_url_isian(tahun, triwulan, bidang, anchor="diskusi"))


@login_required
@require_POST
def diskusi_tinjau(request, kode, tahun, triwulan):
    """A reviewer's note, finding or recommendation on a submission; back to the review page."""
    _, _, pelaporan = _unit_tinjauan(request, kode, tahun, triwulan)
    _tulis_catatan(request, pelaporan)
    return redirect(pelaporan.url_tinjau() + "#diskusi")


@login_required
@require_POST
def tindak_lanjut(request, pk):
    """The agency's answer to a recommendation, on the entry page of the quarter after it."""
    opd, _ = _unit_operator(request)
    item = get_object_or_404(TindakLanjut, pk=pk, opd=opd)
    form = TindakLanjutForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Tindak lanjut tidak disimpan. {pesan_form(form)}")
    else:
        try:
            diskusi.jawab_tindak_lanjut(request.user, item, form.cleaned_data["status"], form.cleaned_data["catatan"])
        except ValidationError as e:
            messages.error(request, "Tindak lanjut tidak disimpan. " + " ".join(e.messages))
        else:
            messages.success(request, "Tindak lanjut tersimpan.")
    return redirect(_url_isian(item.tahun, item.triwulan, item.bidang, anchor="tindak-lanjut"))
