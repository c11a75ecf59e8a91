from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("popolo.json", views.popolo_json, name="register_json"),
    path("<slug:table>.csv", views.popolo_table, name="register_csv"),
    path("partnerships/<slug:slug>/attendance/", views.attendance, name="attendance"),
    path("partnerships/<slug:slug>/decisions/", views.decisions, name="decisions"),
    path("partnerships/<slug:slug>/popolo.json", views.popolo_json, name="partnership_json"),
    path("partnerships/<slug:slug>/<slug:table>.csv", views.popolo_table, name="partnership_csv"),
]
