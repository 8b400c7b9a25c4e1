from django.test import TestCase

from .models import Question


class QuestionTests(TestCase):
    def test_create(self):
        q = Question.objects.create(text="Best language?")
        self.assertEqual(str(q.text), "Best language?")
