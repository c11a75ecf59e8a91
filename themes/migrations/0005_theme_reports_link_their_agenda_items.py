"""Each agenda item's theme report is kept by the themes app, which builds on meetings; the links are copied."""

import django.db.models.deletion
from django.db import migrations, models


def copy_links(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Link = apps.get_model("themes", "ThemeReportItem")
    Link.objects.bulk_create(
        Link(item_id=item, report_id=report)
        for item, report in AgendaItem.objects.filter(theme_report__isnull=False).values_list("pk", "theme_report_id")
    )


def copy_links_back(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Link = apps.get_model("themes", "ThemeReportItem")
    for item, report in Link.objects.values_list("item_id", "report_id"):
        AgendaItem.objects.filter(pk=item).update(theme_report_id=report)


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0005_merge_search_text'),
        ('themes', '0004_longer_plan_priorities'),
    ]

    operations = [
        migrations.CreateModel(
            name='ThemeReportItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('item', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='theme_report_link', to='meetings.agendaitem')),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_links', to='themes.themereport')),
            ],
            options={
                'verbose_name': 'agenda item taking a theme report',
            },
        ),
        migrations.AddField(
            model_name='themereport',
            name='agenda_items',
            field=models.ManyToManyField(blank=True, related_name='theme_reports', through='themes.ThemeReportItem', to='meetings.agendaitem'),
        ),
        migrations.RunPython(copy_links, copy_links_back),
    ]
