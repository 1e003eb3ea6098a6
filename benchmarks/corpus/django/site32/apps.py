from django.apps import AppConfig


class Site32Config(AppConfig):
    name = 'site32'
