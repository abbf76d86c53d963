/**
 * US and Canadian area codes (NANP) with the state or province and IANA time zone they serve,
 * for quiet hours: a text must wait for morning where the customer's phone lives.
 *
 * One row per state and zone: the first row of a state gives its own zone (what an address in
 * that state means); a later row of the same state lists the codes that sit in another zone
 * (the Florida panhandle, El Paso, western Kentucky). An area code that straddles a zone line
 * takes the zone where most of its subscribers live. Overlays share their parent's row. Codes
 * not listed (Caribbean NANP countries, non-geographic 800/500 codes) have no zone here, and
 * the store's own zone is used.
 */

const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const PT = 'America/Los_Angeles';

export type AreaCodeRow = readonly [state: string, timeZone: string, areaCodes: string];

export const AREA_CODE_ZONES: readonly AreaCodeRow[] = [
  // United States.
  ['AL', CT, '205 251 256 334 659 938'],
  ['AK', 'America/Anchorage', '907'],
  // Arizona keeps standard time all year (the Navajo Nation aside).
  ['AZ', 'America/Phoenix', '480 520 602 623 928'],
  ['AR', CT, '327 479 501 870'],
  [
    'CA',
    PT,
    '209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 818 820 831 840 858 909 916 925 949 951',
  ],
  ['CO', MT, '303 719 720 970 983'],
  ['CT', ET, '203 475 860 959'],
  ['DE', ET, '302'],
  ['DC', ET, '202 771'],
  ['FL', ET, '239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954'],
  // The panhandle west of the Apalachicola (Pensacola, Panama City) is on Central time.
  ['FL', CT, '448 850'],
  ['GA', ET, '229 404 470 478 678 706 762 770 912 943'],
  ['HI', 'Pacific/Honolulu', '808'],
  // Southern Idaho (Boise) is Mountain; the panhandle's Pacific minority shares the codes.
  ['ID', 'America/Boise', '208 986'],
  ['IL', CT, '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872'],
  ['IN', 'America/Indiana/Indianapolis', '260 317 463 574 765 812 930'],
  // Northwest Indiana (Gary, Hammond) keeps Chicago's time.
  ['IN', CT, '219'],
  ['IA', CT, '319 515 563 641 712'],
  ['KS', CT, '316 620 785 913'],
  ['KY', ET, '502 606 859'],
  // Western Kentucky (Bowling Green, Paducah) is on Central time.
  ['KY', CT, '270 364'],
  ['LA', CT, '225 318 337 504 985'],
  ['ME', ET, '207'],
  ['MD', ET, '227 240 301 410 443 667'],
  ['MA', ET, '339 351 413 508 617 774 781 857 978'],
  ['MI', 'America/Detroit', '231 248 269 313 517 586 616 679 734 810 906 947 989'],
  ['MN', CT, '218 320 507 612 651 763 924 952'],
  ['MS', CT, '228 601 662 769'],
  ['MO', CT, '235 314 417 557 573 636 660 816 975'],
  ['MT', MT, '406'],
  ['NE', CT, '308 402 531'],
  ['NV', PT, '702 725 775'],
  ['NH', ET, '603'],
  ['NJ', ET, '201 551 609 640 732 848 856 862 908 973'],
  ['NM', MT, '505 575'],
  [
    'NY',
    ET,
    '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934',
  ],
  ['NC', ET, '252 336 472 704 743 828 910 919 980 984'],
  ['ND', CT, '701'],
  ['OH', ET, '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937'],
  ['OK', CT, '405 539 572 580 918'],
  ['OR', PT, '458 503 541 971'],
  ['PA', ET, '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878'],
  ['RI', ET, '401'],
  ['SC', ET, '803 821 839 843 854 864'],
  ['SD', CT, '605'],
  ['TN', CT, '615 629 731 901 931'],
  // East Tennessee (Knoxville, Chattanooga) is on Eastern time.
  ['TN', ET, '423 865'],
  [
    'TX',
    CT,
    '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979',
  ],
  // El Paso and Hudspeth counties are on Mountain time.
  ['TX', MT, '915'],
  ['UT', MT, '385 435 801'],
  ['VT', ET, '802'],
  ['VA', ET, '276 434 540 571 686 703 757 804 826 948'],
  ['WA', PT, '206 253 360 425 509 564'],
  ['WV', ET, '304 681'],
  ['WI', CT, '262 274 353 414 534 608 715 920'],
  ['WY', MT, '307'],
  // US territories in the plan.
  ['PR', 'America/Puerto_Rico', '787 939'],
  ['VI', 'America/St_Thomas', '340'],
  ['GU', 'Pacific/Guam', '671'],
  ['MP', 'Pacific/Saipan', '670'],
  ['AS', 'Pacific/Pago_Pago', '684'],

  // Canada.
  ['AB', 'America/Edmonton', '368 403 587 780 825'],
  ['BC', 'America/Vancouver', '236 250 257 604 672 778'],
  ['MB', 'America/Winnipeg', '204 431 584'],
  ['NB', 'America/Moncton', '428 506'],
  ['NL', 'America/St_Johns', '709 879'],
  // 902 and 782 serve Nova Scotia and Prince Edward Island alike (one zone).
  ['NS', 'America/Halifax', '782 902'],
  ['PE', 'America/Halifax', ''],
  [
    'ON',
    'America/Toronto',
    '226 249 289 343 365 382 387 416 437 519 548 613 647 683 705 742 753 807 905 942',
  ],
  ['QC', 'America/Toronto', '263 354 367 418 438 450 468 514 579 581 819 873'],
  // Saskatchewan keeps Central standard time all year.
  ['SK', 'America/Regina', '306 474 639'],
  // 867 serves the three territories; Yukon keeps Mountain standard time all year.
  ['YT', 'America/Whitehorse', '867'],
  ['NT', 'America/Edmonton', ''],
  ['NU', 'America/Iqaluit', ''],
];
