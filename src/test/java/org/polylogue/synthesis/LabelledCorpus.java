package org.polylogue.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated, labelled cyber-policy comments for quality tests and benchmarks: distinct comments
 * over eight topics in English, French and Spanish (for themes), and campaigns whose members carry
 * light edits (a name, an added sentence, swapped words, typos) among unique comments (for campaign
 * detection). Vocabularies are written per topic and language; nothing is translated by machine.
 */
public final class LabelledCorpus {

    /** A text and its label (topic index for themes, campaign index or -1 for campaigns). */
    public record Labelled(String text, int label) {}

    static final String[] LANGUAGES = {"en", "fr", "es"};

    // per topic, per language: subjects | claims | asks
    static final String[][][][] TOPICS = {
        { // 0 ransomware on hospitals
            {{"ransomware attacks on hospitals", "the encryption of patient records by criminal gangs", "extortion of health services with ransomware", "attacks that shut down emergency wards"},
                {"put the lives of patients at risk", "delay surgery and cancer treatment", "have doubled since the pandemic", "divert ambulances to distant hospitals"},
                {"The draft should name healthcare as protected infrastructure", "States should prosecute ransomware operators who target clinics", "Hospitals need funding to back up patient data", "Ransom payments by hospitals should be reported"}},
            {{"les rançongiciels visant les hôpitaux", "le chiffrement des dossiers des patients par des groupes criminels", "l'extorsion des services de santé par rançongiciel", "les attaques qui paralysent les urgences"},
                {"mettent en danger la vie des patients", "retardent les opérations et les traitements du cancer", "ont doublé depuis la pandémie", "détournent les ambulances vers des hôpitaux éloignés"},
                {"Le projet doit désigner la santé comme infrastructure protégée", "Les États doivent poursuivre les opérateurs de rançongiciels qui visent les cliniques", "Les hôpitaux ont besoin de fonds pour sauvegarder les données des patients", "Les rançons payées par les hôpitaux doivent être déclarées"}},
            {{"los ataques de ransomware contra hospitales", "el cifrado de historias clínicas por bandas criminales", "la extorsión de servicios de salud con ransomware", "los ataques que paralizan las urgencias"},
                {"ponen en riesgo la vida de los pacientes", "retrasan cirugías y tratamientos contra el cáncer", "se han duplicado desde la pandemia", "desvían ambulancias a hospitales lejanos"},
                {"El borrador debe nombrar la salud como infraestructura protegida", "Los Estados deben perseguir a los operadores de ransomware que atacan clínicas", "Los hospitales necesitan fondos para respaldar los datos de pacientes", "Los pagos de rescate de los hospitales deben declararse"}}},
        { // 1 submarine cables
            {{"the protection of submarine cables", "damage to undersea data cables", "the security of subsea cable landing stations", "cuts to the cables on the seabed"},
                {"carry almost all intercontinental internet traffic", "can isolate small island states for weeks", "are repaired by too few cable ships", "are exposed to anchors and sabotage"},
                {"States should share information on cable faults quickly", "The report should call for more repair ships", "Cable landing stations need physical protection", "Damaging cables on purpose should be named a violation"}},
            {{"la protection des câbles sous-marins", "les dommages aux câbles de données sous la mer", "la sécurité des stations d'atterrissement des câbles", "les coupures de câbles au fond de la mer"},
                {"transportent presque tout le trafic internet intercontinental", "peuvent isoler les petits États insulaires pendant des semaines", "sont réparés par trop peu de navires câbliers", "sont exposés aux ancres et au sabotage"},
                {"Les États doivent partager vite les informations sur les pannes de câbles", "Le rapport doit demander davantage de navires de réparation", "Les stations d'atterrissement ont besoin d'une protection physique", "Endommager délibérément les câbles doit être qualifié de violation"}},
            {{"la protección de los cables submarinos", "los daños a los cables de datos bajo el mar", "la seguridad de las estaciones de amarre de cables", "los cortes de cables en el fondo marino"},
                {"transportan casi todo el tráfico de internet intercontinental", "pueden aislar a pequeños Estados insulares durante semanas", "son reparados por muy pocos buques cableros", "están expuestos a anclas y sabotajes"},
                {"Los Estados deben compartir rápido la información sobre averías de cables", "El informe debe pedir más buques de reparación", "Las estaciones de amarre necesitan protección física", "Dañar cables a propósito debe calificarse como violación"}}},
        { // 2 capacity building
            {{"capacity building for developing countries", "training programmes for national cyber teams", "funding for cyber skills in small states", "technical assistance to least developed countries"},
                {"remains underfunded and poorly coordinated", "should be driven by the needs of recipients", "must include women and young professionals", "fails when donors impose their own priorities"},
                {"A needs-based capacity-building portal should be created", "Donors should publish what they fund", "Training should be offered in all official languages", "Regional centres of excellence deserve long-term funding"}},
            {{"le renforcement des capacités des pays en développement", "les programmes de formation des équipes cyber nationales", "le financement des compétences cyber dans les petits États", "l'assistance technique aux pays les moins avancés"},
                {"reste sous-financé et mal coordonné", "doit partir des besoins des bénéficiaires", "doit inclure les femmes et les jeunes professionnels", "échoue quand les donateurs imposent leurs priorités"},
                {"Un portail de renforcement des capacités fondé sur les besoins doit être créé", "Les donateurs doivent publier ce qu'ils financent", "Les formations doivent être offertes dans toutes les langues officielles", "Les centres d'excellence régionaux méritent un financement durable"}},
            {{"el fortalecimiento de capacidades de los países en desarrollo", "los programas de formación para equipos cibernéticos nacionales", "la financiación de competencias cibernéticas en pequeños Estados", "la asistencia técnica a los países menos adelantados"},
                {"sigue infrafinanciado y mal coordinado", "debe partir de las necesidades de los beneficiarios", "debe incluir a mujeres y jóvenes profesionales", "fracasa cuando los donantes imponen sus prioridades"},
                {"Debe crearse un portal de fortalecimiento de capacidades basado en necesidades", "Los donantes deben publicar lo que financian", "La formación debe ofrecerse en todos los idiomas oficiales", "Los centros regionales de excelencia merecen financiación duradera"}}},
        { // 3 election interference
            {{"interference in elections", "cyber operations against electoral commissions", "hacking of voter registration databases", "disinformation campaigns before elections"},
                {"undermine trust in democratic institutions", "target candidates and journalists", "have been reported in dozens of elections", "leave electoral officials without support"},
                {"The norms should protect electoral infrastructure explicitly", "Election authorities need rapid incident support", "States should refrain from hack-and-leak operations", "Observers should be able to audit electoral technology"}},
            {{"l'ingérence dans les élections", "les cyberopérations contre les commissions électorales", "le piratage des fichiers électoraux", "les campagnes de désinformation avant les élections"},
                {"sapent la confiance dans les institutions démocratiques", "visent les candidats et les journalistes", "ont été signalées lors de dizaines d'élections", "laissent les responsables électoraux sans soutien"},
                {"Les normes doivent protéger explicitement l'infrastructure électorale", "Les autorités électorales ont besoin d'un appui rapide en cas d'incident", "Les États doivent s'abstenir d'opérations de piratage et de fuite", "Les observateurs doivent pouvoir auditer les technologies électorales"}},
            {{"la injerencia en las elecciones", "las ciberoperaciones contra las comisiones electorales", "el hackeo de los padrones electorales", "las campañas de desinformación antes de las elecciones"},
                {"socavan la confianza en las instituciones democráticas", "atacan a candidatos y periodistas", "se han denunciado en decenas de elecciones", "dejan sin apoyo a los funcionarios electorales"},
                {"Las normas deben proteger explícitamente la infraestructura electoral", "Las autoridades electorales necesitan apoyo rápido ante incidentes", "Los Estados deben abstenerse de operaciones de hackeo y filtración", "Los observadores deben poder auditar la tecnología electoral"}}},
        { // 4 ICT supply chain
            {{"the integrity of the ICT supply chain", "backdoors in software updates", "compromised hardware components", "the security of open source dependencies"},
                {"can compromise thousands of organisations at once", "is hard to verify for small buyers", "requires trust between vendors and states", "was exploited in several recent attacks"},
                {"Vendors should publish a software bill of materials", "States should not insert vulnerabilities into products", "Supply chain risk assessments should be shared", "Open source maintainers deserve public support"}},
            {{"l'intégrité de la chaîne d'approvisionnement des TIC", "les portes dérobées dans les mises à jour logicielles", "les composants matériels compromis", "la sécurité des dépendances open source"},
                {"peut compromettre des milliers d'organisations à la fois", "est difficile à vérifier pour les petits acheteurs", "exige la confiance entre fournisseurs et États", "a été exploitée lors de plusieurs attaques récentes"},
                {"Les fournisseurs doivent publier une nomenclature logicielle", "Les États ne doivent pas insérer de vulnérabilités dans les produits", "Les évaluations des risques de la chaîne d'approvisionnement doivent être partagées", "Les mainteneurs open source méritent un soutien public"}},
            {{"la integridad de la cadena de suministro de las TIC", "las puertas traseras en las actualizaciones de software", "los componentes de hardware comprometidos", "la seguridad de las dependencias de código abierto"},
                {"puede comprometer a miles de organizaciones a la vez", "es difícil de verificar para los pequeños compradores", "requiere confianza entre proveedores y Estados", "fue explotada en varios ataques recientes"},
                {"Los proveedores deben publicar una lista de materiales de software", "Los Estados no deben insertar vulnerabilidades en los productos", "Las evaluaciones de riesgo de la cadena de suministro deben compartirse", "Los mantenedores de código abierto merecen apoyo público"}}},
        { // 5 CERT cooperation
            {{"cooperation between national CERTs", "information sharing among computer emergency response teams", "the points of contact directory for incidents", "cross-border incident response"},
                {"is slowed by legal barriers to sharing data", "depends on trust built over years", "works best through regional networks", "breaks down during political tensions"},
                {"CERTs should never be targeted by states", "The points of contact directory should be tested every year", "Regional CERT networks deserve funding", "Incident reports should follow a common template"}},
            {{"la coopération entre les CERT nationaux", "le partage d'informations entre équipes d'intervention en cas d'urgence informatique", "le répertoire des points de contact pour les incidents", "la réponse transfrontalière aux incidents"},
                {"est freinée par des obstacles juridiques au partage des données", "dépend d'une confiance construite pendant des années", "fonctionne mieux par des réseaux régionaux", "s'effondre lors des tensions politiques"},
                {"Les CERT ne doivent jamais être pris pour cible par les États", "Le répertoire des points de contact doit être testé chaque année", "Les réseaux régionaux de CERT méritent un financement", "Les rapports d'incident doivent suivre un modèle commun"}},
            {{"la cooperación entre los CERT nacionales", "el intercambio de información entre equipos de respuesta a emergencias informáticas", "el directorio de puntos de contacto para incidentes", "la respuesta transfronteriza a incidentes"},
                {"se frena por obstáculos jurídicos al intercambio de datos", "depende de una confianza construida durante años", "funciona mejor mediante redes regionales", "se rompe durante las tensiones políticas"},
                {"Los CERT nunca deben ser atacados por los Estados", "El directorio de puntos de contacto debe probarse cada año", "Las redes regionales de CERT merecen financiación", "Los informes de incidentes deben seguir una plantilla común"}}},
        { // 6 human rights online
            {{"human rights online", "freedom of expression on the internet", "the privacy of users and encryption", "internet shutdowns"},
                {"must be protected as they are offline", "are threatened by mass surveillance", "are restricted in the name of cybersecurity", "silence activists and human rights defenders"},
                {"The report should reaffirm that international human rights law applies online", "States should refrain from internet shutdowns", "Strong encryption must not be weakened", "Civil society should be consulted on surveillance laws"}},
            {{"les droits humains en ligne", "la liberté d'expression sur internet", "la vie privée des utilisateurs et le chiffrement", "les coupures d'internet"},
                {"doivent être protégés comme hors ligne", "sont menacés par la surveillance de masse", "sont restreints au nom de la cybersécurité", "réduisent au silence les militants et les défenseurs des droits humains"},
                {"Le rapport doit réaffirmer que le droit international des droits humains s'applique en ligne", "Les États doivent s'abstenir de couper internet", "Le chiffrement fort ne doit pas être affaibli", "La société civile doit être consultée sur les lois de surveillance"}},
            {{"los derechos humanos en línea", "la libertad de expresión en internet", "la privacidad de los usuarios y el cifrado", "los apagones de internet"},
                {"deben protegerse igual que fuera de línea", "están amenazados por la vigilancia masiva", "se restringen en nombre de la ciberseguridad", "silencian a activistas y defensores de derechos humanos"},
                {"El informe debe reafirmar que el derecho internacional de los derechos humanos se aplica en línea", "Los Estados deben abstenerse de apagar internet", "El cifrado fuerte no debe debilitarse", "La sociedad civil debe ser consultada sobre las leyes de vigilancia"}}},
        { // 7 critical infrastructure norms
            {{"the norm protecting critical infrastructure", "attacks on power grids and water systems", "the list of critical infrastructure sectors", "operational technology in energy plants"},
                {"needs clear implementation guidance", "should cover the energy, water and financial sectors", "is left to each state to define", "is violated without consequences"},
                {"States should designate their critical infrastructure publicly", "The report should add a checklist for implementing the norm", "Attacks on water systems should be condemned explicitly", "Operators need joint exercises with governments"}},
            {{"la norme protégeant les infrastructures critiques", "les attaques contre les réseaux électriques et les systèmes d'eau", "la liste des secteurs d'infrastructures critiques", "les technologies opérationnelles des centrales énergétiques"},
                {"a besoin d'orientations claires pour sa mise en œuvre", "doit couvrir l'énergie, l'eau et la finance", "est laissée à la définition de chaque État", "est violée sans conséquences"},
                {"Les États doivent désigner publiquement leurs infrastructures critiques", "Le rapport doit ajouter une liste de contrôle pour appliquer la norme", "Les attaques contre les systèmes d'eau doivent être condamnées explicitement", "Les opérateurs ont besoin d'exercices conjoints avec les gouvernements"}},
            {{"la norma que protege la infraestructura crítica", "los ataques contra redes eléctricas y sistemas de agua", "la lista de sectores de infraestructura crítica", "la tecnología operativa en las centrales de energía"},
                {"necesita una guía clara de aplicación", "debe abarcar la energía, el agua y las finanzas", "queda a la definición de cada Estado", "se viola sin consecuencias"},
                {"Los Estados deben designar públicamente su infraestructura crítica", "El informe debe añadir una lista de verificación para aplicar la norma", "Los ataques contra sistemas de agua deben condenarse explícitamente", "Los operadores necesitan ejercicios conjuntos con los gobiernos"}}},
    };

    static final String[][] OPENERS = {
        {"We are concerned that", "In our experience", "Our organisation notes that", "It is clear that", "We would like to stress that"},
        {"Nous constatons que", "Selon notre expérience,", "Notre organisation note que", "Il est clair que", "Nous souhaitons souligner que"},
        {"Nos preocupa que", "Según nuestra experiencia,", "Nuestra organización observa que", "Es evidente que", "Queremos subrayar que"}};

    static final String[][] DETAILS = {
        {"We have worked on this in %s for %d years.", "Last year we counted %2$d cases in %1$s.", "Our members in %s raised it %d times."},
        {"Nous travaillons sur ce sujet en %s depuis %d ans.", "L'an dernier nous avons compté %2$d cas en %1$s.", "Nos membres en %s l'ont signalé %d fois."},
        {"Trabajamos en esto en %s desde hace %d años.", "El año pasado contamos %2$d casos en %1$s.", "Nuestros miembros en %s lo plantearon %d veces."}};

    static final String[] PLACES = {"Kenya", "Brazil", "Estonia", "Fiji", "Ghana", "Chile", "Senegal", "Mexico", "India",
        "Jordan", "Canada", "Peru", "Morocco", "Vietnam"};

    private LabelledCorpus() {}

    /** {@code count} distinct comments, labelled by topic, spread over the three languages. */
    public static List<Labelled> themes(int count, long seed) {
        var random = new SplittableRandom(seed);
        List<Labelled> texts = new ArrayList<>();
        var seen = new java.util.HashSet<String>();
        while (texts.size() < count) {
            int topic = random.nextInt(TOPICS.length);
            String text = comment(random, topic, random.nextInt(LANGUAGES.length));
            if (seen.add(text)) {
                texts.add(new Labelled(text, topic));
            }
        }
        return texts;
    }

    /** {@code count} English comments on the given topics, in turn, none a near-copy of another. */
    public static List<String> uniqueEnglish(int count, int[] topics, long seed) {
        var random = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>();
        List<java.util.Set<String>> seen = new ArrayList<>();
        while (texts.size() < count) {
            String text = comment(random, topics[texts.size() % topics.length], 0);
            var shingles = shingles(text);
            if (seen.stream().noneMatch(other -> jaccard(shingles, other) >= 0.3)) {
                seen.add(shingles);
                texts.add(text);
            }
        }
        return texts;
    }

    static String comment(SplittableRandom random, int topic, int language) {
        String[][] parts = TOPICS[topic][language];
        String opener = OPENERS[language][random.nextInt(OPENERS[language].length)];
        String first = opener + " " + pick(random, parts[0]) + " " + pick(random, parts[1]) + ".";
        String second = pick(random, parts[2]) + ".";
        String detail = detail(random, language) + " " + detail(random, language);
        String text = random.nextBoolean() ? first + " " + second + " " + detail : first + " " + detail + " " + second;
        if (random.nextInt(3) == 0) {
            text += " " + capitalise(pick(random, parts[0])) + " " + pick(random, parts[1]) + ".";
        }
        return capitalise(text);
    }

    private static String detail(SplittableRandom random, int language) {
        return String.format(DETAILS[language][random.nextInt(3)], PLACES[random.nextInt(PLACES.length)],
                2 + random.nextInt(60));
    }

    /**
     * {@code campaigns} campaigns of {@code membersEach} lightly edited copies of a letter each, mixed
     * with {@code uniques} unique comments (label -1), in random order.
     */
    public static List<Labelled> campaigns(int campaigns, int membersEach, int uniques, long seed) {
        var random = new SplittableRandom(seed);
        List<Labelled> texts = new ArrayList<>();
        for (int c = 0; c < campaigns; c++) {
            String letter = letter(random, c);
            for (int m = 0; m < membersEach; m++) {
                texts.add(new Labelled(edit(random, letter), c));
            }
        }
        // a unique comment shares topic and phrases with others, but is not a near-copy of any earlier one
        List<java.util.Set<String>> uniqueShingles = new ArrayList<>();
        int added = 0;
        while (added < uniques) {
            String text = comment(random, random.nextInt(TOPICS.length), random.nextInt(3));
            var shingles = shingles(text);
            if (uniques <= 5_000 && uniqueShingles.stream().anyMatch(other -> jaccard(shingles, other) >= 0.35)) {
                continue;
            }
            uniqueShingles.add(shingles);
            texts.add(new Labelled(text, -1));
            added++;
        }
        for (int i = texts.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var t = texts.get(i);
            texts.set(i, texts.get(j));
            texts.set(j, t);
        }
        return texts;
    }

    static java.util.Set<String> shingles(String text) {
        var tokens = org.polylogue.synthesis.internal.TextNormalizer.tokens(text);
        var shingles = new java.util.HashSet<String>();
        for (int i = 0; i + 3 <= tokens.size(); i++) {
            shingles.add(String.join(" ", tokens.subList(i, i + 3)));
        }
        return shingles;
    }

    static double jaccard(java.util.Set<String> a, java.util.Set<String> b) {
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    /** A campaign letter: several sentences on one topic, in one language. */
    static String letter(SplittableRandom random, int campaign) {
        int topic = campaign % TOPICS.length;
        int language = (campaign / TOPICS.length) % LANGUAGES.length;
        String[][] parts = TOPICS[topic][language];
        var text = new StringBuilder();
        text.append(OPENERS[language][random.nextInt(5)]).append(' ').append(pick(random, parts[0])).append(' ')
                .append(pick(random, parts[1])).append(". ");
        text.append(pick(random, parts[2])).append(". ");
        text.append(capitalise(pick(random, parts[0]))).append(' ').append(pick(random, parts[1])).append(". ");
        text.append(pick(random, parts[2])).append(". ");
        text.append(String.format(DETAILS[language][campaign % 3], PLACES[campaign % PLACES.length], 3 + campaign));
        return capitalise(text.toString());
    }

    static final String[] NAMES = {"Amina", "Jorge", "Li Wei", "Sofia", "Kwame", "Marie", "Ivan", "Priya", "Tomás",
        "Fatima", "Johan", "Aiko"};
    static final String[] ADDED = {"Please act now.", "This matters to my family.", "I have seen this first hand.",
        "Thank you for listening.", "Our community depends on it."};

    /** One or two light edits: a signature name, an added sentence, two words swapped, typos. */
    static String edit(SplittableRandom random, String letter) {
        String text = letter;
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(4)) {
                case 0 -> text = text + " " + NAMES[random.nextInt(NAMES.length)] + " " + (char) ('A' + random.nextInt(26)) + ".";
                case 1 -> text = text + " " + ADDED[random.nextInt(ADDED.length)];
                case 2 -> {
                    String[] words = text.split(" ");
                    int i = 1 + random.nextInt(words.length - 2);
                    String t = words[i];
                    words[i] = words[i + 1];
                    words[i + 1] = t;
                    text = String.join(" ", words);
                }
                default -> {
                    char[] chars = text.toCharArray();
                    for (int typo = 0; typo < 1 + random.nextInt(2); typo++) {
                        int i = 1 + random.nextInt(chars.length - 2);
                        if (Character.isLetter(chars[i]) && Character.isLetter(chars[i + 1])) {
                            char t = chars[i];
                            chars[i] = chars[i + 1];
                            chars[i + 1] = t;
                        }
                    }
                    text = new String(chars);
                }
            }
        }
        return text;
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
