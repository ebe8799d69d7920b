from django.urls import path

from . import views

app_name = "renstra"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("renstra/<int:pk>/", views.renstra_detail, name="renstra_detail"),
]
