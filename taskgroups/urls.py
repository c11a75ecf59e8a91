from django.urls import path

from .views import challenges, groups, members, milestones, overview, reports

app_name = "taskgroups"

urlpatterns = [
    path("task-and-finish/", overview.overview, name="overview"),
    path("partnerships/<slug:slug>/challenges/", challenges.challenge_list, name="challenge_list"),
    path("partnerships/<slug:slug>/challenges/new/", challenges.challenge_create, name="challenge_create"),
    path("challenges/<int:pk>/", challenges.challenge_detail, name="challenge_detail"),
    path("challenges/<int:pk>/edit/", challenges.challenge_edit, name="challenge_edit"),
    path("challenges/<int:pk>/stage/", challenges.challenge_move_view, name="challenge_move"),
    path("challenges/<int:pk>/history/", challenges.challenge_history, name="challenge_history"),
    path("partnerships/<slug:slug>/task-and-finish-groups/", groups.group_list, name="group_list"),
    path("partnerships/<slug:slug>/task-and-finish-groups/new/", groups.group_create, name="group_create"),
    path("task-and-finish-groups/<int:pk>/", groups.group_detail, name="group_detail"),
    path("task-and-finish-groups/<int:pk>/edit/", groups.group_edit, name="group_edit"),
    path("task-and-finish-groups/<int:pk>/problem/", groups.group_definition, name="group_definition"),
    path("task-and-finish-groups/<int:pk>/status/", groups.group_status, name="group_status"),
    path("task-and-finish-groups/<int:pk>/close/", groups.group_close_view, name="group_close"),
    path("task-and-finish-groups/<int:pk>/history/", groups.group_history, name="group_history"),
    path("task-and-finish-groups/<int:pk>/members/add/", members.member_add_view, name="member_add"),
    path("task-and-finish-members/<int:pk>/leave/", members.member_leave, name="member_leave"),
    path("task-and-finish-groups/<int:pk>/milestones/add/", milestones.milestone_add, name="milestone_add"),
    path("milestones/<int:pk>/edit/", milestones.milestone_edit, name="milestone_edit"),
    path("milestones/<int:pk>/done/", milestones.milestone_mark_done, name="milestone_done"),
    path("task-and-finish-groups/<int:pk>/reports/add/", reports.report_add_view, name="report_add"),
]
