package com.custmaster.synth;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Given names and surnames for UK, US and German persons, most common first (draws favour the
 * front of each list, so "Smith" and "John" come up as often as they do in life), and the nicknames
 * people give a call centre instead of their registered name.
 */
final class WesternNames {

    private static final List<String> UK_MALE = List.of("Oliver", "James", "John", "David", "Michael", "George",
            "Thomas", "William", "Harry", "Jack", "Daniel", "Paul", "Andrew", "Richard", "Mark", "Peter", "Robert",
            "Christopher", "Matthew", "Samuel", "Benjamin", "Edward", "Stephen", "Simon", "Ian", "Gareth", "Liam",
            "Connor", "Patrick", "Sean", "Joshua", "Anthony");
    private static final List<String> UK_FEMALE = List.of("Sarah", "Emma", "Olivia", "Amelia", "Sophie", "Charlotte",
            "Emily", "Jessica", "Hannah", "Rebecca", "Laura", "Rachel", "Claire", "Helen", "Catherine", "Elizabeth",
            "Victoria", "Lucy", "Chloe", "Megan", "Grace", "Jane", "Anne", "Susan", "Karen", "Siobhan", "Niamh",
            "Jennifer", "Katherine", "Margaret");
    private static final List<String> UK_SURNAMES = List.of("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies",
            "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White",
            "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner",
            "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison",
            "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young",
            "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw",
            "Murphy", "Khan", "Marshall", "Simpson", "Ellis", "Singh", "O'Brien", "O'Connor", "McDonald", "MacLeod",
            "Fitzgerald", "Smith-Jones", "Ahmed", "Begum", "Nowak");
    private static final List<String> US_MALE = List.of("James", "Michael", "John", "Robert", "David", "William",
            "Richard", "Joseph", "Thomas", "Christopher", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Steven",
            "Andrew", "Joshua", "Kevin", "Brian", "Jose", "Ryan", "Jacob", "Tyler", "Brandon");
    private static final List<String> US_FEMALE = List.of("Mary", "Patricia", "Jennifer", "Linda", "Elizabeth",
            "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy", "Ashley", "Emily", "Michelle",
            "Amanda", "Melissa", "Stephanie", "Rebecca", "Laura", "Maria", "Madison", "Megan", "Hannah");
    private static final List<String> US_SURNAMES = List.of("Smith", "Johnson", "Williams", "Brown", "Jones",
            "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
            "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
            "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
            "Wright", "Scott", "Nguyen", "Hill", "Green", "Adams", "Nelson", "Baker", "Hall", "Campbell", "Mitchell",
            "Carter", "Roberts", "Kim", "O'Neil", "Van der Berg");
    private static final List<String> DE_MALE = List.of("Thomas", "Michael", "Andreas", "Stefan", "Hans", "Jürgen",
            "Klaus", "Lukas", "Felix", "Jonas", "Maximilian", "Uwe", "Matthias", "Tobias", "Jörg", "Sebastian");
    private static final List<String> DE_FEMALE = List.of("Anna", "Julia", "Katharina", "Sabine", "Petra", "Lena",
            "Sophie", "Monika", "Ursula", "Claudia", "Jana", "Lea", "Jülide", "Birgit", "Sandra");
    private static final List<String> DE_SURNAMES = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
            "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
            "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
            "Weiß", "Großmann", "Yılmaz");

    /** Registered name → what the person says on the phone. */
    private static final Map<String, List<String>> NICKNAMES = Map.ofEntries(
            Map.entry("William", List.of("Bill", "Will")), Map.entry("Robert", List.of("Bob", "Rob")),
            Map.entry("Elizabeth", List.of("Liz", "Beth")), Map.entry("Michael", List.of("Mike")),
            Map.entry("James", List.of("Jim", "Jamie")), Map.entry("Thomas", List.of("Tom")),
            Map.entry("Christopher", List.of("Chris")), Map.entry("Daniel", List.of("Dan", "Danny")),
            Map.entry("Matthew", List.of("Matt")), Map.entry("Anthony", List.of("Tony")),
            Map.entry("Steven", List.of("Steve")), Map.entry("Stephen", List.of("Steve")),
            Map.entry("Andrew", List.of("Andy", "Drew")), Map.entry("Samuel", List.of("Sam")),
            Map.entry("Benjamin", List.of("Ben")), Map.entry("Edward", List.of("Ed", "Ted")),
            Map.entry("Joshua", List.of("Josh")), Map.entry("Jennifer", List.of("Jenny", "Jen")),
            Map.entry("Patricia", List.of("Pat", "Trish")), Map.entry("Susan", List.of("Sue")),
            Map.entry("Jessica", List.of("Jess")), Map.entry("Rebecca", List.of("Becky")),
            Map.entry("Victoria", List.of("Vicky")), Map.entry("Catherine", List.of("Kate", "Cathy")),
            Map.entry("Katherine", List.of("Kate", "Kathy")), Map.entry("Richard", List.of("Rick", "Dick")),
            Map.entry("Margaret", List.of("Maggie", "Peggy")), Map.entry("Joseph", List.of("Joe")),
            Map.entry("Charles", List.of("Charlie")), Map.entry("Katharina", List.of("Kathi")),
            Map.entry("Maximilian", List.of("Max")), Map.entry("Alexander", List.of("Alex")),
            Map.entry("David", List.of("Dave")), Map.entry("Peter", List.of("Pete")));

    private WesternNames() {
    }

    static String givenName(Culture culture, Gender gender, Dice dice) {
        boolean male = gender == Gender.MALE;
        return frequent(switch (culture) {
            case US -> male ? US_MALE : US_FEMALE;
            case GERMANY -> male ? DE_MALE : DE_FEMALE;
            default -> male ? UK_MALE : UK_FEMALE;
        }, dice);
    }

    static String surname(Culture culture, Dice dice) {
        return frequent(switch (culture) {
            case US -> US_SURNAMES;
            case GERMANY -> DE_SURNAMES;
            default -> UK_SURNAMES;
        }, dice);
    }

    /** A nickname for the given name, or null if it has none. */
    static String nickname(String givenName, Dice dice) {
        List<String> options = NICKNAMES.get(givenName);
        return options == null ? null : dice.pick(options);
    }

    static boolean hasNickname(String givenName) {
        return NICKNAMES.containsKey(givenName);
    }

    /**
     * "Müller" → "Mueller", "Weiß" → "Weiss", "Yılmaz" → "Yilmaz": how systems without umlauts store
     * a name. Used for e-mail addresses and by the legacy ERP.
     */
    static String asciiFold(String name) {
        StringBuilder builder = new StringBuilder(name.length() + 2);
        for (char c : name.toCharArray()) {
            switch (c) {
                case 'ä' -> builder.append("ae");
                case 'ö' -> builder.append("oe");
                case 'ü' -> builder.append("ue");
                case 'Ä' -> builder.append("Ae");
                case 'Ö' -> builder.append("Oe");
                case 'Ü' -> builder.append("Ue");
                case 'ß' -> builder.append("ss");
                case 'ı' -> builder.append('i');
                default -> builder.append(c);
            }
        }
        return builder.toString();
    }

    /** Weight 1/(1 + rank/8) for ranks 0 to 99, more than any list here has. */
    private static final double[] RANK_WEIGHTS = rankWeights(100);

    /** Draws with weight 1/(1 + rank/8): a few names common, a long tail rare. */
    private static String frequent(List<String> names, Dice dice) {
        double[] weights = names.size() <= RANK_WEIGHTS.length
                ? Arrays.copyOf(RANK_WEIGHTS, names.size()) : rankWeights(names.size());
        return dice.weighted(names, weights);
    }

    private static double[] rankWeights(int count) {
        double[] weights = new double[count];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (1.0 + i / 8.0);
        }
        return weights;
    }
}
