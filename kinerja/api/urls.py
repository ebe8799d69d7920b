"""The API's URLs, under /api/v1/ (namespace "api")."""

from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("perangkat-daerah/", views.DaftarPerangkatDaerah.as_view(), name="perangkat_daerah_daftar"),
    path("perangkat-daerah/<str:kode>/", views.DetailPerangkatDaerah.as_view(), name="perangkat_daerah"),
    path("perangkat-daerah/<str:kode>/renstra/", views.PohonRenstra.as_view(), name="renstra"),
    path("perangkat-daerah/<str:kode>/realisasi/", views.RealisasiTriwulan.as_view(), name="realisasi"),
    # The OpenAPI 3 schema (YAML, or JSON with ?format=json); no HTML viewer: its scripts would
    # come from a CDN. Open the schema in any OpenAPI viewer.
    path("skema/", views.Skema.as_view(), name="skema"),
]
