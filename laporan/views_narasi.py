"""The LKjIP's narrative on its report page: write a section (in place with htmx, or on a page of
its own), read its history, start a year from last year's text. The agency is fetched through
the user's scope (another agency is a 404); writing needs `kinerja.tulis_narasi` (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.models import NarasiLaporan
from kinerja.models.narasi import PER_INDIKATOR
from kinerja.narasi import NarasiBentrok, indikator_narasi, periksa_penulis, salin_narasi_tahun_lalu, simpan_narasi
from renstra.models import PerangkatDaerah

from .builders.lkjip import KODE as LKJIP
from .builders.lkjip.naskah import TULISAN, buat_tulisan
from .forms import NarasiForm


def _opd(request, kode):
    return get_object_or_404(PerangkatDaerah.objects.for_user(request.user), kode=kode)


def _bagian(opd, tahun, bagian, indikator_id):
    """(the section's key, its indicator or None), 404 for an unknown section or an indicator
    that is not one of the agency's in that year."""
    if bagian not in TULISAN:
        raise Http404("Bagian narasi tidak dikenal.")
    if bagian not in PER_INDIKATOR:
        return bagian, None
    try:
        indikator = indikator_narasi(opd, tahun, int(indikator_id))
    except (TypeError, ValueError):
        indikator = None
    if indikator is None:
        raise Http404("Indikator tidak ditemukan untuk perangkat daerah dan tahun ini.")
    return bagian, indikator


def _tersimpan(opd, tahun, bagian, indikator):
    return (
        NarasiLaporan.objects.filter(opd=opd, tahun=tahun, bagian=bagian, indikator=indikator)
        .select_related("diubah_oleh")
        .first()
    )


def _url_laporan(opd, tahun, jangkar=""):
    return reverse("laporan:laporan_html", args=(opd.kode, tahun, LKJIP)) + (f"#{jangkar}" if jangkar else "")


def _konteks(request, opd, tahun, tulisan, **lain):
    return {
        "opd": opd,
        "tahun": tahun,
        "bagian": tulisan,
        "boleh_tulis": request.user.has_perm("kinerja.tulis_narasi", opd),
        "di_halaman": True,
        "url_laporan": _url_laporan(opd, tahun, tulisan.jangkar),
        **lain,
    }


@login_required
@require_GET
def narasi_tampil(request, kode, tahun, bagian):
    """A section as the report shows it (htmx: after cancelling an edit)."""
    opd = _opd(request, kode)
    bagian, indikator = _bagian(opd, tahun, bagian, request.GET.get("indikator"))
    tulisan = buat_tulisan(bagian, indikator.pk if indikator else None, _tersimpan(opd, tahun, bagian, indikator))
    return render(request, "laporan/_tulisan.html", _konteks(request, opd, tahun, tulisan))


@login_required
@require_http_methods(["GET", "POST"])
def narasi_ubah(request, kode, tahun, bagian):
    """The form of a section; POST saves it. A section saved by someone else since the form was
    opened is not overwritten: the form comes back with their text beside the user's."""
    opd = _opd(request, kode)
    bagian, indikator = _bagian(opd, tahun, bagian, request.GET.get("indikator") or request.POST.get("indikator"))
    periksa_penulis(request.user, opd)
    tersimpan = _tersimpan(opd, tahun, bagian, indikator)
    tulisan = buat_tulisan(bagian, indikator.pk if indikator else None, tersimpan)
    bentrok = None
    if request.method == "GET":
        form = NarasiForm(
            initial={"teks": tulisan.teks, "versi": tulisan.versi, "indikator": indikator.pk if indikator else None}
        )
    else:
        form = NarasiForm(request.POST)
        if form.is_valid():
            try:
                hasil = simpan_narasi(
                    user=request.user,
                    opd=opd,
                    tahun=tahun,
                    bagian=bagian,
                    indikator=indikator,
                    teks=form.cleaned_data["teks"],
                    versi=form.cleaned_data["versi"],
                )
            except NarasiBentrok as e:
                bentrok = e.narasi
                data = request.POST.copy()
                data["versi"] = str(bentrok.versi)  # saving again now overwrites, knowingly
                form = NarasiForm(data)
                form.is_valid()
                form.add_error(None, str(e))
            except ValidationError as e:
                form.add_error(None, e.messages)
            else:
                if hasil.berubah:
                    messages.success(request, f"{tulisan.judul} tersimpan.")
                tulisan = buat_tulisan(bagian, indikator.pk if indikator else None, hasil.narasi)
                if request.htmx:
                    return render(request, "laporan/_tulisan.html", _konteks(request, opd, tahun, tulisan))
                return redirect(_url_laporan(opd, tahun, tulisan.jangkar))
    konteks = _konteks(request, opd, tahun, tulisan, form=form, bentrok=bentrok, indikator=indikator)
    status = 409 if bentrok else (400 if form.errors else 200)
    templat = "laporan/_narasi_form.html" if request.htmx else "laporan/narasi_ubah.html"
    return render(request, templat, konteks, status=status)


@login_required
@require_GET
def narasi_riwayat(request, kode, tahun, bagian):
    """Every saved version of a section: who, when, why, and the text."""
    opd = _opd(request, kode)
    bagian, indikator = _bagian(opd, tahun, bagian, request.GET.get("indikator"))
    versi = (
        NarasiLaporan.history.filter(
            opd_id=opd.pk, tahun=tahun, bagian=bagian, indikator_id=indikator.pk if indikator else None
        )
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
    tulisan = buat_tulisan(bagian, indikator.pk if indikator else None)
    konteks = _konteks(request, opd, tahun, tulisan, versi=versi, indikator=indikator)
    return render(request, "laporan/narasi_riwayat.html", konteks)


@login_required
@require_POST
def narasi_salin(request, kode, tahun):
    """Copy last year's sections into the ones still empty this year."""
    opd = _opd(request, kode)
    hasil = salin_narasi_tahun_lalu(user=request.user, opd=opd, tahun=tahun)
    if hasil.disalin:
        messages.success(
            request,
            f"{hasil.disalin} bagian disalin dari narasi tahun {tahun - 1}"
            + (f"; {hasil.dilewati} bagian dilewati karena sudah ditulis." if hasil.dilewati else "."),
        )
    else:
        messages.info(request, f"Tidak ada narasi tahun {tahun - 1} yang dapat disalin ke bagian yang masih kosong.")
    return redirect(_url_laporan(opd, tahun))
