import Foundation
import KursusCourse
import KursusEngine

/// Answers to surveys. Self-assessments linked by `compare-with` move up by the learner's
/// gain (the course works, for most); the anonymous evaluation is mostly positive with a
/// spread; free text comes from careful, realistic Danish answers that name nobody.
enum SurveyAnswers {
    /// A Likert answer: the learner's usual point, the item's offset, noise, and after the
    /// course (`after`) their gain scaled by the item's; rounded onto the scale.
    static func likert(
        scale: Int, usual: Double, offset: Double, gain: Double, _ random: inout CohortRandom
    ) -> Answer {
        let point = (usual + offset + gain + random.normal(0, 0.45)).rounded()
        return .likert(Int(min(Double(max(0, scale - 1)), max(0, point))))
    }

    /// Free text for the `index`-th text question of an evaluation: an answer from the
    /// bank, or nothing (a learner may leave a text empty).
    static func freeText(index: Int, _ random: inout CohortRandom) -> Answer {
        let bank = banks[min(index, banks.count - 1)]
        guard random.chance(bank.rate), let text = random.pick(bank.answers) else { return .freeText("") }
        return .freeText(text)
    }

    static let banks: [(rate: Double, answers: [String])] = [
        (
            0.7,
            [
                "At kigge ind i kameraet, når jeg siger noget vigtigt. Det havde jeg ikke tænkt over før.",
                "Plan B. Jeg aftaler nu altid i starten, at jeg ringer på telefonen, hvis forbindelsen ryger.",
                "Teach-back. Jeg spørger ikke længere bare, om borgeren har forstået det.",
                "Tjeklisten før mødet: headset, strøm, borgerens telefonnummer og en prøve af lyden.",
                "At spørge, hvem der er i rummet hos borgeren, også dem jeg ikke kan se.",
                "Jeg er blevet mere rolig, når teknikken driller. Jeg ved nu, hvad jeg gør først.",
                "Opsummeringen til sidst: det har vi talt om, det gør du, det gør jeg.",
                "At sige farvel, før jeg trykker afslut, og tjekke, at mødet faktisk er lukket.",
                "Lyset. Jeg har flyttet mig, så vinduet ikke længere er bag mig.",
                "Mere ro i starten af mødet. Jeg bruger et par minutter på lyd og billede, før vi går i gang.",
                "At jeg skal tale til borgeren, også når en pårørende holder tabletten.",
            ]
        ),
        (
            0.5,
            [
                "Mere om, hvad man gør, når der er brug for tolk.",
                "Jeg havde gerne set et eksempel med en borger med demens.",
                "Nogle af quizspørgsmålene var svære at forstå, især dem med tal.",
                "Spørgsmålet om, hvor mange gange man ringer op igen, var forvirrende. Lektionerne siger både én gang og et par forsøg.",
                "Scenarierne kunne godt have været lidt længere.",
                "Det var svært at finde tid til kurset mellem vagterne. Kortere lektioner ville hjælpe.",
                "Mere om, hvordan man hjælper pårørende, der styrer teknikken.",
                "Vores eget videosystem ser anderledes ud end i eksemplerne. Billeder af det ville hjælpe.",
                "Teksten var lille på den gamle computer på afdelingen.",
                "Intet. Det var fint, som det var.",
            ]
        ),
        (
            0.3,
            [
                "Tak for et godt kursus.",
                "Godt, at man kunne tage det i sit eget tempo.",
                "Det ville være godt at tage scenarierne sammen med en kollega og tale om dem bagefter.",
                "Gerne et opfølgningsmøde om et halvt år, når vi har prøvet det i praksis.",
                "Fint, at det kunne køre på afdelingens computer uden at installere noget.",
                "Jeg vil anbefale kurset til mine kolleger.",
                "Nogle gange var det svært at se, hvor langt jeg var nået.",
            ]
        ),
    ]
}
