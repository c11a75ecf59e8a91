"""A public partnership's news: an Atom feed, and email alerts with double opt-in and one-click unsubscribe."""

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from partnerships import throttle
from partnerships.access import get_partnership_for_user

from ..alerts import alert_confirm, alert_subscribe, alert_unsubscribe, partnership_news
from ..forms_alerts import AlertSubscribeForm
from ..models import AlertSubscription


def _public_partnership(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug)
    if not partnership.is_public:
        # Feed readers and email alerts reach people who never sign in: a private partnership has neither.
        raise Http404("This partnership publishes no news.")
    return partnership


class PartnershipFeed(Feed):
    """Published agendas, approved minutes and their decisions, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return _public_partnership(request, slug)

    def title(self, partnership):
        return f"{partnership.name}: agendas, minutes and decisions"

    def link(self, partnership):
        return partnership.get_absolute_url()

    def subtitle(self, partnership):
        return f"What {partnership.name} publishes: agendas as they are published, minutes and decisions once approved."

    def items(self, partnership):
        return partnership_news(partnership=partnership)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.path

    def item_guid(self, item):
        return f"{settings.SITE_URL}/news/{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.when

    def item_updateddate(self, item):
        return item.when


partnership_atom = PartnershipFeed()


@require_http_methods(["GET", "POST"])
def alert_subscribe_view(request, slug):
    """Ask for alerts: the address gets a link to confirm before anything else is sent to it."""
    partnership = _public_partnership(request, slug)
    # An empty POST is still a sent form: it gets its error, not a fresh page.
    form = AlertSubscribeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        allowed = throttle.allow(
            user=request.user, action="alert_subscribe", who=request.META.get("REMOTE_ADDR", "")
        ) and throttle.allow(user=None, action="alert_subscribe", who=email.lower())
        if allowed:
            alert_subscribe(partnership=partnership, email=email)
            # The same words whether or not the address was already subscribed: nobody learns who is.
            messages.success(request, f"We have sent a link to {email}. Open it to confirm your alerts.")
            return redirect("meetings:alert_subscribe", slug=partnership.slug)
        form.add_error(
            None, "Alerts have been asked for many times in the last few minutes. Wait a little and try again."
        )
        status = 429
    elif form.errors:
        status = 400
    return render(request, "meetings/alerts/subscribe.html", {"partnership": partnership, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
def alert_confirm_view(request, token):
    """The link in the confirmation email: a button, so a mail scanner opening the link confirms nothing."""
    subscription = get_object_or_404(AlertSubscription.objects.select_related("partnership"), token=token)
    if request.method == "POST":
        alert_confirm(subscription=subscription)
    return render(request, "meetings/alerts/confirm.html", {"subscription": subscription})


@csrf_exempt  # The token in the address is the key; mail programs POST here with no form (RFC 8058).
@require_http_methods(["GET", "POST"])
def alert_unsubscribe_view(request, token):
    """One click: a POST from the mail program, or the button on this page, stops the alerts."""
    subscription = AlertSubscription.objects.select_related("partnership").filter(token=token).first()
    if request.method == "POST":
        alert_unsubscribe(token=token)
        return render(request, "meetings/alerts/unsubscribed.html", {"subscription": subscription})
    if subscription is None:
        return render(request, "meetings/alerts/unsubscribed.html", {"subscription": None})
    return render(request, "meetings/alerts/unsubscribe.html", {"subscription": subscription})
