from django.urls import path

from . import views

app_name = "laporan"

LAPORAN = "laporan/<str:kode>/<int:tahun>/<slug:nama>"

urlpatterns = [
    path("laporan/", views.daftar, name="daftar"),
    path("laporan/huruf/<str:nama>", views.huruf, name="huruf"),
    path(f"{LAPORAN}/", views.laporan_html, name="laporan_html"),
    path(f"{LAPORAN}.pdf", views.laporan_pdf, name="laporan_pdf"),
    path(f"{LAPORAN}.xlsx", views.laporan_xlsx, name="laporan_xlsx"),
]
