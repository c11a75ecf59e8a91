from django.db import migrations, models


class Migration(migrations.Migration):
    """A plan's version number becomes `number`, so `version` can guard against two officers' edits."""

    dependencies = [("themes", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="plan", name="plan_version_unique"),
        migrations.RenameField(model_name="plan", old_name="version", new_name="number"),
        migrations.RenameField(model_name="historicalplan", old_name="version", new_name="number"),
        migrations.AlterField(
            model_name="plan", name="number", field=models.PositiveSmallIntegerField(editable=False, verbose_name="version")
        ),
        migrations.AlterField(
            model_name="historicalplan",
            name="number",
            field=models.PositiveSmallIntegerField(editable=False, verbose_name="version"),
        ),
        migrations.AddField(
            model_name="plan", name="version", field=models.PositiveIntegerField(default=1, editable=False)
        ),
        migrations.AddField(
            model_name="historicalplan", name="version", field=models.PositiveIntegerField(default=1, editable=False)
        ),
        migrations.AlterModelOptions(name="plan", options={"ordering": ["partnership", "-number"]}),
        migrations.AddConstraint(
            model_name="plan",
            constraint=models.UniqueConstraint(fields=("partnership", "number"), name="plan_version_unique"),
        ),
    ]
