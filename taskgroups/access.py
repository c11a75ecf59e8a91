"""Who may see and change challenges and task-and-finish groups: decided by their partnership.

Those who read the partnership in full (members, clerks, officers) read its challenges and groups; its
officers change them. 404 to everyone who may not read them, 403 to readers who may not change them.
"""

from django.shortcuts import get_object_or_404

from partnerships.access import Access, get_access, require_record

from .models import Challenge, GroupReport, Milestone, TaskGroup, TaskGroupMember


def _require(access: Access, partnership, *, write: bool) -> None:
    require_record(
        access,
        partnership,
        write=write,
        denied="Only the partnership's officers can change its challenges and task-and-finish groups.",
    )


def get_challenge_for_user(user, pk: int, *, write: bool = False) -> tuple[Challenge, Access]:
    challenge = get_object_or_404(
        Challenge.objects.select_related(
            "partnership__parent", "raised_by", "raised_by_organisation", "follows_from", "raised_by_group"
        ),
        pk=pk,
    )
    access = get_access(user)
    _require(access, challenge.partnership, write=write)
    return challenge, access


def get_group_for_user(user, pk: int, *, write: bool = False) -> tuple[TaskGroup, Access]:
    group = get_object_or_404(
        TaskGroup.objects.select_related(
            "partnership__parent", "challenge", "lead_person", "lead_organisation", "link_member"
        ),
        pk=pk,
    )
    access = get_access(user)
    _require(access, group.partnership, write=write)
    return group, access


def get_milestone_for_user(user, pk: int, *, write: bool = False) -> tuple[Milestone, Access]:
    milestone = get_object_or_404(Milestone.objects.select_related("group__partnership__parent"), pk=pk)
    access = get_access(user)
    _require(access, milestone.group.partnership, write=write)
    return milestone, access


def get_member_for_user(user, pk: int, *, write: bool = False) -> tuple[TaskGroupMember, Access]:
    member = get_object_or_404(
        TaskGroupMember.objects.select_related("group__partnership__parent", "person", "organisation"), pk=pk
    )
    access = get_access(user)
    _require(access, member.group.partnership, write=write)
    return member, access


def get_report_for_user(user, pk: int, *, write: bool = False) -> tuple[GroupReport, Access]:
    report = get_object_or_404(GroupReport.objects.select_related("group__partnership__parent"), pk=pk)
    access = get_access(user)
    _require(access, report.group.partnership, write=write)
    return report, access
