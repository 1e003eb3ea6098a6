import random, time
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpResponse, Http404, JsonResponse
from django.shortcuts import render
from django.urls import path
from django.views import View
from django.views.decorators.csrf import csrf_exempt


def index(request):
    return HttpResponse('ok')


def users(request):
    n = User.objects.count()
    names = list(User.objects.filter(username__startswith=request.GET.get('p', 'u')).values_list('username', flat=True)[:5])
    return JsonResponse({'count': n, 'names': names})


@csrf_exempt
def adduser(request):
    name = request.POST.get('name', 'u%d' % random.randint(0, 10**6))
    u, created = User.objects.get_or_create(username=name)
    if not created:
        u.last_name = str(random.randint(0, 999))
        u.save()
    return HttpResponse('added' if created else 'updated')


def deluser(request, name):
    deleted, _ = User.objects.filter(username=name).delete()
    if not deleted:
        raise Http404('no such user')
    return HttpResponse('deleted')


def page(request):
    return render(request, 'page.html', {'title': 'Page', 'users': User.objects.all()[:3]})


def missing(request):
    return render(request, 'missing.html', {})


def form(request):
    if request.method == 'POST':
        return HttpResponse('posted %d fields' % len(request.POST))
    return render(request, 'page.html', {'title': 'Form', 'users': []})


@csrf_exempt
def upload(request):
    return HttpResponse('got %d fields' % len(request.POST))


def boom(request):
    kind = request.GET.get('k', 'value')
    if kind == 'key':
        return HttpResponse({}['missing'])
    if kind == 'zero':
        return HttpResponse(str(1 / 0))
    if kind == 'type':
        return HttpResponse(len(None))
    raise ValueError('boom requested')


def denied(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation('suspicious request')


def slow(request):
    time.sleep(float(request.GET.get('s', '1')))
    return HttpResponse('x' * 200000)


class OnlyPost(View):
    def post(self, request):
        return HttpResponse('post ok')


urlpatterns = [
    path('admin/', admin.site.urls),
    path('', index),
    path('users/', users),
    path('users/add/', adduser),
    path('users/del/<str:name>/', deluser),
    path('page/', page),
    path('form/', form),
    path('missing/', missing),
    path('upload/', upload),
    path('boom/', boom),
    path('denied/', denied),
    path('suspicious/', suspicious),
    path('slow/', slow),
    path('onlypost/', OnlyPost.as_view()),
]
