"""The site's URLs. `kinerja` is the project package and also the measurement app, whose pages
(quarterly entry, verification, history) are under the namespace "kinerja"."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views, views_impor, views_sehat
from .forms import FormMasuk

TRIWULAN = "<int:tahun>/tw-<int:triwulan>"

pengukuran = [
    path("realisasi/", views.isian_sekarang, name="isian_sekarang"),
    path(f"realisasi/{TRIWULAN}/", views.isian, name="isian"),
    path(f"realisasi/{TRIWULAN}/pratinjau/<int:indikator_id>/", views.pratinjau, name="pratinjau"),
    path(f"realisasi/{TRIWULAN}/ajukan/", views.ajukan, name="ajukan"),
    path(f"realisasi/{TRIWULAN}/isian.xlsx", views.unduh_isian, name="unduh_isian"),
    path(f"realisasi/{TRIWULAN}/data-dukung/<int:indikator_id>/", views.unggah, name="unggah"),
    path("data-dukung/<int:pk>/", views.unduh_data_dukung, name="unduh_data_dukung"),
    path("data-dukung/<int:pk>/hapus/", views.hapus_data_dukung, name="hapus_data_dukung"),
    path("verifikasi/", views.verifikasi_daftar, name="verifikasi_daftar"),
    path(f"verifikasi/<str:kode>/{TRIWULAN}/", views.tinjau, name="tinjau"),
    path(f"verifikasi/<str:kode>/{TRIWULAN}/putuskan/", views.putuskan, name="putuskan"),
    path(f"verifikasi/<str:kode>/{TRIWULAN}/buka-kembali/", views.buka_kembali, name="buka_kembali"),
    path("indikator/<int:pk>/riwayat/", views.riwayat, name="riwayat"),
    path("predikat.css", views.gaya_predikat, name="gaya_predikat"),
    path("impor/", views_impor.impor_daftar, name="impor_daftar"),
    path("impor/<int:pk>/", views_impor.impor_detail, name="impor_detail"),
    path("impor/<int:pk>/simpan/", views_impor.impor_simpan, name="impor_simpan"),
    path("impor/<int:pk>/periksa-ulang/", views_impor.impor_periksa_ulang, name="impor_periksa_ulang"),
    path("impor/templat/<str:format>.xlsx", views_impor.impor_templat, name="impor_templat"),
    path(f"realisasi/{TRIWULAN}/diskusi/", views.diskusi_isian, name="diskusi_isian"),
    path(f"verifikasi/<str:kode>/{TRIWULAN}/diskusi/", views.diskusi_tinjau, name="diskusi_tinjau"),
    path("tindak-lanjut/<int:pk>/", views.tindak_lanjut, name="tindak_lanjut"),
]

urlpatterns = [
    path("sehat/", views_sehat.sehat, name="sehat"),
    path(
        "masuk/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=FormMasuk),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("kinerja.api.urls")),
    path("", include((pengukuran, "kinerja"))),
    path("", include("renstra.urls")),
    path("", include("laporan.urls")),
]

# A bad request (templates/400.html), and a save of the entry page over the form limits (413,
# with the way back to the typing the browser kept).
handler400 = "kinerja.views.bad_request"
