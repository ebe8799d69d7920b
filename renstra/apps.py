from django.apps import AppConfig


class RenstraConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "renstra"
    verbose_name = "Renstra"
