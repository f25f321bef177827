public enum CoachTheCoachesPlaceholder {}
