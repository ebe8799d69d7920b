"""Pages of the plan. Every object is fetched through the user's own scope (querysets.for_user),
so an id of another agency answers 404."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .models import Renstra
from .querysets import IZIN_SEMUA_OPD
from .selectors import daftar_opd, pohon_renstra, renstra_utama


@login_required
def beranda(request):
    """Home: the agency's Renstra for its staff; the list of agencies for reviewers and admins."""
    user = request.user
    if user.has_perm(IZIN_SEMUA_OPD):
        return render(request, "renstra/daftar_opd.html", {"daftar_opd": daftar_opd(user)})
    if user.opd_id:
        renstra = renstra_utama(user.opd, timezone.localdate().year)
        return _tampilkan_renstra(request, renstra, opd=user.opd)
    return render(request, "renstra/tanpa_akses.html", status=403)


@login_required
def renstra_detail(request, pk):
    renstra = get_object_or_404(Renstra.objects.for_user(request.user).select_related("opd"), pk=pk)
    return _tampilkan_renstra(request, renstra, opd=renstra.opd)


def _tampilkan_renstra(request, renstra, opd):
    konteks = {
        "opd": opd,
        "pohon": pohon_renstra(renstra) if renstra else None,
        "renstra_lain": Renstra.objects.filter(opd=opd).order_by("-tahun_awal", "-revisi"),
    }
    return render(request, "renstra/renstra_detail.html", konteks)
