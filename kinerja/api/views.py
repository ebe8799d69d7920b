"""The API's views: each fetches the agency through the account's scope
(`PerangkatDaerah.objects.for_user`), so another agency's code is a 404 as on the pages, then
calls a selector and serializes. GET only: anything else is a 405."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from renstra.models import PerangkatDaerah

from . import selectors
from .serializers import BarisRealisasiSerializer, PerangkatDaerahSerializer, PohonSerializer


class Tahun(serializers.Serializer):
    tahun = serializers.IntegerField(min_value=1900, max_value=2999)
    triwulan = serializers.IntegerField(min_value=1, max_value=4, required=False)


def _opd(request, kode):
    return get_object_or_404(PerangkatDaerah.objects.for_user(request.user), kode=kode)


def _saringan(request):
    """The validated ?tahun= (and ?triwulan=); a missing or wrong one is a 400 naming it."""
    saringan = Tahun(data=request.query_params)
    saringan.is_valid(raise_exception=True)
    return saringan.validated_data


TAHUN = OpenApiParameter("tahun", OpenApiTypes.INT, required=True, description="Tahun, mis. 2024.")
TRIWULAN = OpenApiParameter("triwulan", OpenApiTypes.INT, enum=[1, 2, 3, 4], description="Satu triwulan saja.")


@extend_schema_view(
    get=extend_schema(
        summary="Daftar perangkat daerah",
        description="Perangkat daerah yang boleh dilihat akun pemilik token: satu untuk akun perangkat daerah, "
        "semuanya untuk akun Bappeda (Verifikator).",
    )
)
class DaftarPerangkatDaerah(generics.ListAPIView):
    """The agencies the account may see (one for an agency's account, all for the Bappeda's)."""

    serializer_class = PerangkatDaerahSerializer

    def get_queryset(self):
        return PerangkatDaerah.objects.for_user(self.request.user).order_by("kode")


@extend_schema_view(
    get=extend_schema(
        summary="Satu perangkat daerah",
        description="404 bila kode tidak ada atau di luar lingkup akun pemilik token.",
    )
)
class DetailPerangkatDaerah(generics.RetrieveAPIView):
    serializer_class = PerangkatDaerahSerializer
    lookup_field = "kode"

    def get_queryset(self):
        return PerangkatDaerah.objects.for_user(self.request.user)


class PohonRenstra(generics.GenericAPIView):
    serializer_class = PohonSerializer
    pagination_class = None

    @extend_schema(
        parameters=[TAHUN],
        summary="Pohon Renstra yang berlaku pada tahun itu",
        description="Tujuan → sasaran → program → kegiatan → sub kegiatan yang berlaku pada tahun itu, masing-masing "
        "dengan indikatornya, target Renstra tiap tahun periode, target tahun itu per jenis dan target yang "
        "berlaku. 404 bila perangkat daerah di luar lingkup akun atau tidak ada Renstra yang berlaku tahun itu.",
    )
    def get(self, request, kode):
        """The Renstra in force in `tahun`: tujuan → sasaran → program → kegiatan → sub kegiatan
        (those in force that year), each with its indicators, their Renstra targets over the
        period and the year's targets; 404 when no Renstra is in force that year."""
        opd, tahun = _opd(request, kode), _saringan(request)["tahun"]
        data = selectors.pohon_tahun(opd, tahun)
        if data is None:
            raise NotFound(f"Tidak ada Renstra {opd.nama} yang berlaku pada tahun {tahun}.")
        return Response(PohonSerializer(data, context={"kinerja": data.kinerja}).data)


class RealisasiTriwulan(generics.ListAPIView):
    serializer_class = BarisRealisasiSerializer

    @extend_schema(
        parameters=[TAHUN, TRIWULAN],
        summary="Realisasi per indikator dan triwulan",
        description="Per indikator dan triwulan: nilai triwulan itu, nilai s.d. triwulan itu, target yang berlaku, "
        "capaian (%) dan alasannya bila tidak terhitung, serta status pelaporan unitnya (draft, diajukan, "
        "diverifikasi, dikembalikan; null bila belum ada). Angkanya sama dengan Evaluasi Renja tahun itu.",
    )
    def get(self, request, *args, **kwargs):
        """Per indicator and quarter: the value, the value up to the quarter, the target in force,
        the capaian and the state of the submission (draft, diajukan, diverifikasi, dikembalikan)."""
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        opd = _opd(self.request, self.kwargs["kode"])
        saringan = _saringan(self.request)
        return selectors.realisasi_triwulan(opd, saringan["tahun"], self.request.user, saringan.get("triwulan"))


class Skema(SpectacularAPIView):
    """The OpenAPI 3 schema, for an account with a token like every other endpoint."""
