"""The import page (Admin only): upload a workbook, see the preview, confirm; the templates."""

from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from renstra.models import PerangkatDaerah

from . import importers
from .forms import TIPE_KONTEN, ImporForm
from .importers import tugas
from .importers.hasil import BATAS_RINCIAN
from .importers.templat import buat_templat
from .models import Impor
from .pekerja import ada_pekerja_hidup

MASALAH_DITAMPILKAN = 500


@login_required
@permission_required("kinerja.add_impor", raise_exception=True)
def impor_daftar(request):
    form = ImporForm(
        request.POST or None,
        request.FILES or None,
        pilihan_format=importers.PILIHAN_FORMAT,
        opd=PerangkatDaerah.objects.order_by("nama"),
        initial={"tahun": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        with transaction.atomic():
            impor = _unggahan_baru(request.user, form.cleaned_data, berkas)
            tugas.periksa(impor)
        return redirect("kinerja:impor_detail", pk=impor.pk)
    daftar = Impor.objects.dengan_pengganti().select_related("opd", "dibuat_oleh").defer("hasil")[:20]
    return render(
        request,
        "kinerja/impor_daftar.html",
        {"form": form, "daftar": daftar, "pilihan_format": importers.PILIHAN_FORMAT},
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
@permission_required("kinerja.add_impor", raise_exception=True)
def impor_detail(request, pk):
    impor = get_object_or_404(Impor.objects.dengan_pengganti().select_related("opd", "dibuat_oleh"), pk=pk)
    if request.htmx and request.GET.get("kemajuan"):
        if not impor.berjalan:
            return HttpResponseClientRefresh()
        return render(request, "kinerja/_impor_kemajuan.html", _konteks_kemajuan(impor))
    pratinjau = tugas.pratinjau(impor)
    hasil = pratinjau.hasil
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
            **(_konteks_kemajuan(impor) if impor.berjalan else {}),
        },
    )


def _konteks_kemajuan(impor):
    return {"impor": impor, "kemajuan": tugas.kemajuan(impor), "tanpa_pekerja": not ada_pekerja_hidup()}


@require_POST
@login_required
@permission_required("kinerja.add_impor", raise_exception=True)
def impor_simpan(request, pk):
    impor = get_object_or_404(Impor, pk=pk)
    tugas.setujui(impor)
    return redirect("kinerja:impor_detail", pk=impor.pk)


@require_POST
@login_required
@permission_required("kinerja.add_impor", raise_exception=True)
def impor_periksa_ulang(request, pk):
    impor = get_object_or_404(Impor, pk=pk)
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
    respons = HttpResponse(buat_templat(format, modul.JUDUL, tahun), content_type=TIPE_KONTEN[".xlsx"])
    respons["Content-Disposition"] = f'attachment; filename="templat-{format}.xlsx"'
    return respons
