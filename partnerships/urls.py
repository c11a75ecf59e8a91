from django.urls import path

from .views import bulk, interests, memberships, money, organisations, participations, partnerships, people

app_name = "partnerships"

urlpatterns = [
    path("partnerships/", partnerships.partnership_list, name="partnership_list"),
    path("partnerships/new/", partnerships.partnership_create, name="partnership_create"),
    path("partnerships/<slug:slug>/", partnerships.partnership_detail, name="partnership_detail"),
    path("partnerships/<slug:slug>/edit/", partnerships.partnership_edit, name="partnership_edit"),
    path("partnerships/<slug:slug>/sub-groups/", partnerships.partnership_tree_view, name="partnership_tree"),
    path("partnerships/<slug:slug>/history/", partnerships.partnership_history, name="partnership_history"),
    path("partnerships/<slug:slug>/members/", memberships.membership_list, name="membership_list"),
    path("partnerships/<slug:slug>/members/add/", memberships.membership_add, name="membership_add"),
    path("partnerships/<slug:slug>/members/add-many/", bulk.membership_import, name="membership_import"),
    path("partnerships/<slug:slug>/members/end/", bulk.memberships_end, name="memberships_end"),
    path("partnerships/<slug:slug>/members/add-seat/", participations.participation_add, name="participation_add"),
    path("participations/<int:pk>/edit/", participations.participation_edit, name="participation_edit"),
    path("partnerships/<slug:slug>/interests/", interests.interest_register, name="interest_register"),
    path("partnerships/<slug:slug>/money/", money.partnership_money, name="partnership_money"),
    path("partnerships/<slug:slug>/money/<slug:kind>/add/", money.money_edit, name="money_add"),
    path("partnerships/<slug:slug>/money/<slug:kind>/<int:pk>/", money.money_edit, name="money_edit"),
    path("memberships/<int:pk>/edit/", memberships.membership_edit, name="membership_edit"),
    path("memberships/<int:pk>/end/", memberships.membership_end_view, name="membership_end"),
    path("memberships/<int:pk>/login/", bulk.membership_login, name="membership_login"),
    path("memberships/<int:pk>/history/", memberships.membership_history, name="membership_history"),
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path("organisations/new/", organisations.organisation_form, name="organisation_create"),
    path("organisations/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", organisations.organisation_form, name="organisation_edit"),
    path("organisations/<slug:slug>/history/", organisations.organisation_history, name="organisation_history"),
    path("people/", people.person_list, name="person_list"),
    path("people/new/", people.person_form, name="person_create"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", people.person_form, name="person_edit"),
    path("people/<int:pk>/history/", people.person_history, name="person_history"),
    path("people/<int:pk>/interests/add/", people.interest_form, name="interest_add"),
    path("people/<int:pk>/interests/<int:interest_pk>/", people.interest_form, name="interest_edit"),
]
