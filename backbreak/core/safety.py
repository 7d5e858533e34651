"""What backbreak says about safety, in its own words, from shared/content/stretch-facts.md section 4.

backbreak gives general movement guidance, not treatment, and never claims to prevent or cure back pain.
The texts are English here, marked for the catalogue; the windows show them translated (`_(text)`).
"""

from __future__ import annotations

from backbreak.core.i18n import N_

FIRST_RUN_NOTE: tuple[str, ...] = (
    N_("backbreak offers general movement ideas. It is not a diagnosis or a treatment."),
    N_("Stretch to a gentle pull, never to pain. Move slowly and keep breathing."),
    N_("Some signs mean you should get checked instead of stretching. They are listed under About & safety."),
)

HURT_ADVICE: tuple[str, ...] = (
    N_("Stop here. Rest in whatever position is comfortable."),
    N_("Do not push through sharp, shooting or spreading pain."),
    N_(
        "For the rest of today, no stretch break will be offered by itself. Move breaks go on as usual, and you "
        "can still start a stretch yourself with Stretch now."
    ),
)
"""What "This hurts" says; the last line is what the engine then does (core/state.py, `plan`)."""


RED_FLAGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_(
            "Call your local emergency number (such as 911, 112 or 999) or go to an emergency department now if "
            "back pain comes with:"
        ),
        (
            N_("pain, tingling, weakness or numbness in both legs, or leg weakness that is severe or getting worse"),
            N_("numbness or tingling around the genitals, buttocks or inner thighs"),
            N_("new trouble peeing, being unable to pee, or losing control of your bladder or bowels"),
            N_("a new change in sexual function"),
            N_("chest pain"),
            N_(
                "pain that began after a serious accident or fall, or after a small fall if you are older, "
                "have osteoporosis or take steroids long term"
            ),
        ),
    ),
    (
        N_("See a doctor the same day (in the UK: your GP or NHS 111) if back pain comes with:"),
        (
            N_("a high temperature"),
            N_("weight loss you did not try for"),
            N_("a lump or swelling, or a change in the shape of your back"),
            N_("pain that does not ease with rest, is worse at night or wakes you"),
            N_("pain made worse by coughing, sneezing or going to the toilet"),
            N_("pain high between the shoulder blades, or a band of pain around your body"),
            N_("new unsteadiness when you walk"),
            N_("a history of cancer, recent spinal surgery or injection, or a weak immune system"),
        ),
    ),
    (
        N_("Book a routine appointment if:"),
        (
            N_("your back is no better after a few weeks"),
            N_("the pain is severe while you do these exercises"),
        ),
    ),
)

CAUDA_EQUINA = N_(
    "Numbness around the genitals or buttocks, or a change in bladder or bowel control, is rare, but it is an "
    "emergency even when the pain is mild: delay can cause lasting harm."
)

GENERAL_NOTE: tuple[str, ...] = (
    N_(
        "These routines are general movement guidance, not a diagnosis or a treatment. If you are starting "
        "because of ongoing back pain or after an injury, ask a physiotherapist or doctor which moves suit you."
    ),
    N_(
        "Stretch to a mild pull, never to pain: pain means you have gone too far. Move slowly, never bounce, and "
        "breathe freely. Stop any move that makes things worse or sends pain down a leg."
    ),
    N_("Staying active helps: bed rest is not advised, and hurting does not always mean harm. Build up gradually."),
    N_(
        "Most new low back pain eases within a few weeks. See a doctor if yours is not improving, or if an "
        "exercise causes severe pain."
    ),
    N_(
        "Research suggests breaking up sitting about every 30 minutes. No interval has been shown to prevent "
        "back pain, and backbreak does not claim to."
    ),
)

CHECK_FIRST: tuple[tuple[str, str], ...] = (
    (
        N_("Osteoporosis or a past spinal fracture"),
        N_("Skip knee-to-chest. Avoid fast, repeated or deep forward bends and twists; hinge at the hips instead."),
    ),
    (
        N_("A hip replacement"),
        N_(
            "Usually for about six weeks, or as your surgeon says: no bending the hip past a right angle, no crossing "
            "the legs, no turning the leg far in or out. Skip knee-to-chest, knee rolls, figure-4 and deep child's "
            "pose unless you are cleared."
        ),
    ),
    (
        N_("Pregnancy"),
        N_("After about 16 weeks, avoid long spells flat on your back. Use seated, standing or side-lying versions."),
    ),
    (
        N_("Knee problems"),
        N_("Do not sit right back on your heels; pad your knees; use the standing hip-flexor stretch."),
    ),
    (
        N_("Leg pain or tingling (sciatica)"),
        N_(
            "Stop any move that spreads symptoms down the leg. Burning or tingling is nerve tension, "
            "not a muscle stretch."
        ),
    ),
    (
        N_("Pain that gets worse when you arch back"),
        N_("Skip the back bends; bending forward may suit you better. Ask a clinician."),
    ),
    (
        N_("Recent back surgery or injection, a history of cancer, or a weak immune system"),
        N_("Check with your clinician first. New back pain is a reason to be seen."),
    ),
)
