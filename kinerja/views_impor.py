"""The import page: upload a workbook, see the preview, confirm; the templates. Admin imports
every format for any agency; an operator brings back only the offline entry workbook of their
own agency (format isian-triwulan) and sees only their own uploads."""

from functools import wraps

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from renstra.models import PerangkatDaerah

from . import importers
from .forms import TIPE_KONTEN, ImporForm
from .importers import isian_triwulan, keputusan, tugas
from .importers.hasil import BATAS_RINCIAN
from .models import Impor
from .pekerja import ada_pekerja_hidup

MASALAH_DITAMPILKAN = 500


def _operator_luring(user):
    """An operator of an agency, without the admin's import: imports their offline entry only."""
    return not user.has_perm("kinerja.add_impor") and bool(user.opd_id) and user.has_perm("kinerja.change_realisasi")


def _pengimpor(view):
    @wraps(view)
    def bungkus(request, *args, **kwargs):
        if not (request.user.has_perm("kinerja.add_impor") or _operator_luring(request.user)):
            raise PermissionDenied("Halaman impor untuk admin, dan untuk operator yang mengunggah isian luring.")
        return view(request, *args, **kwargs)

    return bungkus


def _impor_terlihat(user):
    """The uploads `user` may open (404 for the others, by construction)."""
    daftar = Impor.objects.dengan_pengganti()
    if _operator_luring(user):
        daftar = daftar.filter(dibuat_oleh=user, format=isian_triwulan.FORMAT, opd_id=user.opd_id)
    return daftar


def _tahun_diminta(request):
    try:
        return min(max(int(request.GET.get("tahun", "")), 2000), 2100)
    except ValueError:
        return timezone.localdate().year


@login_required
@_pengimpor
def impor_daftar(request):
    """The upload form (`?format=&tahun=` preselect them, e.g. from the entry page) and the
    latest uploads."""
    luring = _operator_luring(request.user)
    pilihan = [(isian_triwulan.FORMAT, isian_triwulan.JUDUL)] if luring else importers.PILIHAN_FORMAT
    opd = PerangkatDaerah.objects.filter(pk=request.user.opd_id) if luring else PerangkatDaerah.objects.all()
    awal = {"tahun": _tahun_diminta(request), "opd": request.user.opd_id}
    if request.GET.get("format") in dict(pilihan):
        awal["format"] = request.GET["format"]
    form = ImporForm(
        request.POST or None,
        request.FILES or None,
        pilihan_format=pilihan,
        opd=opd.order_by("nama"),
        initial=awal,
        format_dari_berkas=[k for k, m in importers.FORMAT.items() if getattr(m, "TAHUN_DARI_BERKAS", False)],
    )
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        with transaction.atomic():
            impor = _unggahan_baru(request.user, form.cleaned_data, berkas)
            tugas.periksa(impor)
        return redirect("kinerja:impor_detail", pk=impor.pk)
    daftar = _impor_terlihat(request.user).select_related("opd", "dibuat_oleh").defer("hasil")[:20]
    return render(
        request,
        "kinerja/impor_daftar.html",
        {"form": form, "daftar": daftar, "pilihan_format": pilihan},
    )


def _unggahan_baru(user, data, berkas):
    return Impor.objects.create(
        format=data["format"],
        opd=data["opd"],
        tahun=data["tahun"],
        berkas=berkas,
        nama_asli=berkas.name[:255],
        ukuran=berkas.size,
        dibuat_oleh=user,
    )


@login_required
@_pengimpor
def impor_detail(request, pk):
    impor = get_object_or_404(_impor_terlihat(request.user).select_related("opd", "dibuat_oleh"), pk=pk)
    if request.htmx and request.GET.get("kemajuan"):
        if not impor.berjalan:
            return HttpResponseClientRefresh()
        return render(request, "kinerja/_impor_kemajuan.html", _konteks_kemajuan(impor))
    return _halaman_detail(request, impor)


def _halaman_detail(request, impor, galat_keputusan=None, jawaban=None, status=200):
    """The page of an upload; after a refused approval, with its error and the answers given."""
    pratinjau = tugas.pratinjau(impor)
    hasil = pratinjau.hasil
    if jawaban is None and hasil is not None:
        jawaban = hasil.keputusan
    pertanyaan = [
        {
            "m": m,
            "kunci": m.kunci_keputusan,
            "nama": keputusan.AWALAN_ISIAN + m.kunci_keputusan,
            "label": keputusan.label(m),
            "jawaban": (jawaban or {}).get(m.kunci_keputusan, ""),
            "teks_jawaban": keputusan.PILIHAN.get((jawaban or {}).get(m.kunci_keputusan), ""),
            "belum": galat_keputusan is not None and m.kunci_keputusan in galat_keputusan["kunci"],
        }
        for m in pratinjau.pertanyaan
    ]
    masalah = sorted(hasil.masalah, key=lambda m: (m.peringatan, m.lembar, m.baris or 0)) if hasil else []
    return render(
        request,
        "kinerja/impor_detail.html",
        {
            "impor": impor,
            "judul_format": importers.FORMAT[impor.format].JUDUL,
            "hasil": hasil,
            "pratinjau": pratinjau,
            "masalah": masalah[:MASALAH_DITAMPILKAN],
            "masalah_lain": max(0, pratinjau.jumlah_masalah - MASALAH_DITAMPILKAN),
            "batas_rincian": BATAS_RINCIAN,
            "pertanyaan": pertanyaan,
            "pilihan_jumlah": keputusan.PILIHAN,
            "galat_keputusan": galat_keputusan,
            **(_konteks_kemajuan(impor) if impor.berjalan else {}),
        },
        status=status,
    )


def _konteks_kemajuan(impor):
    return {"impor": impor, "kemajuan": tugas.kemajuan(impor), "tanpa_pekerja": not ada_pekerja_hidup()}


@require_POST
@login_required
@_pengimpor
def impor_simpan(request, pk):
    impor = get_object_or_404(_impor_terlihat(request.user), pk=pk)
    jawaban = keputusan.dari_isian(request.POST)
    try:
        tugas.setujui(impor, jawaban)
    except tugas.BelumDijawab as e:
        impor = get_object_or_404(_impor_terlihat(request.user).select_related("opd", "dibuat_oleh"), pk=pk)
        galat = {"pesan": str(e), "kunci": {m.kunci_keputusan for m in e.pertanyaan}}
        return _halaman_detail(request, impor, galat_keputusan=galat, jawaban=jawaban, status=400)
    return redirect("kinerja:impor_detail", pk=impor.pk)


@require_POST
@login_required
@_pengimpor
def impor_periksa_ulang(request, pk):
    impor = get_object_or_404(_impor_terlihat(request.user), pk=pk)
    tugas.periksa_ulang(impor)
    return redirect("kinerja:impor_detail", pk=impor.pk)


@login_required
@permission_required("kinerja.add_impor", raise_exception=True)
def impor_templat(request, format):
    modul = importers.FORMAT.get(format)
    if modul is None:
        raise Http404("Format tidak dikenal.")
    try:
        tahun = int(request.GET.get("tahun", timezone.localdate().year))
    except ValueError:
        tahun = timezone.localdate().year
    tahun = min(max(tahun, 2000), 2096)
    isi = importers.templat(format, tahun)
    respons = HttpResponse(isi, content_type=TIPE_KONTEN[".xlsx"])
    respons["Content-Disposition"] = f'attachment; filename="templat-{format}.xlsx"'
    return respons
